"""Relations between two texts from different sources: same fact? stance? contradiction?

    model = load_relation_model()
    model.same_fact(["Sales rose 5%."], ["Sales grew by 5 percent."])  # P(same fact), shape (n,)
    model.stance([headline], [article_text])  # (n, 4) probabilities in STANCES order
    model.relate(a, b)  # PairRelation: same_fact, figure_conflict, contradiction, stance
    opposed("The union accepted the offer.", "The union rejected the offer.")  # True
"""

from newsprism.relation.features import opposed
from newsprism.relation.model import (
    STANCES,
    PairRelation,
    RelationModel,
    load_relation_model,
)

__all__ = ["STANCES", "PairRelation", "RelationModel", "load_relation_model", "opposed"]
