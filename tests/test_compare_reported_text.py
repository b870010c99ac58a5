"""Words an article reports but does not assert: another publication's text it sets out, a
quoted term the speaker is said not to use, and two people's guesses of a price (audit12, on
FNC-1's hoaxes and their debunks)."""

from __future__ import annotations

from newsprism.model import Quote, Span


def _statements(doc: str, body: str, *texts: str) -> list[Span]:
    return [Span(doc, (start := body.index(text)), start + len(text), text) for text in texts]


def test_text_set_out_from_another_publication_is_that_publications():
    """A debunk sets out the hoax ("Here's what the fake article reads:", "The bogus report
    says: “...”"): what it sets out corroborates only another setting-out of it, never a report
    asserting it. A person quoting from their own post ("In a post, he wrote:") and a quote's
    attribution after it ("“...,” the report says.") set out no publication's text."""
    from newsprism.compare.reported import reproduced, reproduced_apart

    hoax = "The mayor of Lakeview has banned kites. The ban starts on Friday."
    debunk = ("A story saying Lakeview banned kites is fake. Here's what the fake article reads:"
              "\n\nThe mayor of Lakeview has banned kites. The ban starts on Friday.")
    quoted = ("The rumour spread fast. The bogus report says: “The mayor of Lakeview has banned "
              "kites.” The town hall denied it.")
    person = ("In a post last week, he wrote: “The mayor of Lakeview has banned kites.” "
              "“The ban starts on Friday,” the report says.")
    statements = (_statements("hoax", hoax, "The mayor of Lakeview has banned kites.",
                              "The ban starts on Friday.")
                  + _statements("debunk", debunk, "A story saying Lakeview banned kites is fake.",
                                debunk[debunk.index("The mayor"):debunk.index(" The ban")],
                                debunk[debunk.rindex("The ban"):])
                  + _statements("quoted", quoted, "The bogus report says: “The mayor of Lakeview "
                                "has banned kites.”", "The town hall denied it.")
                  + _statements("person", person, "In a post last week, he wrote: “The mayor of "
                                "Lakeview has banned kites.”", "“The ban starts on Friday,” the "
                                "report says."))
    bodies = {"hoax": hoax, "debunk": debunk, "quoted": quoted, "person": person}
    assert reproduced(statements, bodies).tolist() == [False, False, False, True, True, True,
                                                       False, False, False]
    apart = reproduced_apart(statements, bodies)
    assert apart[0, 3] and apart[1, 4] and apart[0, 5]  # the hoax and what the debunks set out
    assert not apart[3, 5] and not apart[0, 7]  # two settings-out; two plain reports


def test_a_text_set_out_without_marks_ends_where_the_writer_speaks_of_it_again():
    """Without quote marks, the text set out runs on until the writer names a text again
    ("According to the club's website, ..."), or to the article's end."""
    from newsprism.compare.reported import reproduced

    body = ("The Harbour Times reports:\n\nThe club signed two players. The coach left on "
            "Monday.\n\nAccording to the club's website, the coach is still there.")
    statements = _statements("a", body, "The club signed two players.", "The coach left on Monday.",
                             "According to the club's website, the coach is still there.")
    assert reproduced(statements, {"a": body}).tolist() == [True, True, False]


def test_a_link_a_sharer_or_the_next_paragraph_sets_out_no_text():
    """"Also read:" links to another story; "She shared the article and said: “...”" quotes
    her; "..., a city website says" ends its sentence, and the quotation of the next paragraph
    is someone's remark."""
    from newsprism.compare.reported import reproduced

    body = ("Also read:\nThe club signed two players.\n\nThe mayor shared the article and said: "
            "“The club never asked me.”\n\nTwelve roads are shut, a city website says\n\n"
            "\"The roads will open soon,\" a spokesman said.")
    statements = _statements("a", body, "The club signed two players.",
                             "The mayor shared the article and said: “The club never asked me.”",
                             "\"The roads will open soon,\" a spokesman said.")
    assert not reproduced(statements, {"a": body}).any()


def test_quoted_words_the_speaker_is_said_not_to_use_are_no_remark_of_theirs():
    """"Apple doesn't describe the watch as “solid gold”" quotes words Apple does not use: no
    rendering of what Apple says, so never "one remark in other words" with “standard gold”."""
    from newsprism.compare.quotes import disowned

    def quote(body: str) -> bool:
        start = body.index("“") + 1
        end = body.index("”")
        return disowned(Quote("a", start, end, body[start:end], "Apple"), body)

    assert quote("Although the maker doesn't describe the watch as being “solid gold”, it says.")
    assert quote("The minister did not use the word “genocide” on Monday.")
    assert quote("He never called it “a war”, aides said.")
    assert not quote("The maker says its gold is twice as hard as “standard gold”.")
    assert not quote("She did not say much, but later called it “a disaster”.")


def test_two_guesses_of_a_price_to_come_are_no_one_figure():
    """"A blogger suggests the watch will cost at least $10,000" / "The conventional wisdom has
    been that it will cost $5,000": two guesses, not one price reported two ways. A price set
    ahead ("The fare will rise to $3 on Monday") is no guess."""
    from newsprism.compare.figures import guessed_apart

    blogger = "A watch blogger chimed in, suggesting the gold watch will cost at least $10,000."
    wisdom = "The conventional wisdom so far has been that the gold watch will cost $5,000."
    assert guessed_apart(blogger, wisdom)
    assert not guessed_apart("The fare will rise to $3 on Monday.",
                             "The fare will rise to $4 on Monday, the council said.")
    assert not guessed_apart(blogger, "The gold watch costs $17,000 in the shops.")


def test_a_report_called_false_is_denied_not_corroborated():
    """"A report that says the town was quarantined is fake" names the quarantine to deny it:
    never one fact with "The town has been quarantined"; two debunks of it agree. A thing
    called fake that is no report ("the gun was a fake") is no debunk."""
    from newsprism.compare.reported import debunks, debunks_apart

    texts = ["The small town of Lakeview has been quarantined after a family fell ill.",
             "A report that says the town of Lakeview was quarantined is fake.",
             "An article saying Lakeview was quarantined isn't real.",
             "Officials said there is no truth to the claim on the website.",
             "It was falsely reported that Lakeview had been quarantined."]
    apart = debunks_apart(texts)
    assert apart[0, 1] and apart[0, 2] and apart[0, 3] and apart[0, 4]
    assert not apart[1, 2] and not apart[2, 3] and not apart[3, 4]
    assert not debunks("The photographer said the gun was a fake.")


def test_a_debunks_quotations_of_the_hoax_corroborate_only_other_debunks():
    """A debunk quotes the hoax's made-up official and retells its claim ("According to a story
    ..."): the hoax's words, never one fact with the hoax's own text; two debunks quoting it
    agree, and the debunk's own words ("The mayor was in Paris all week.") stay its own."""
    from newsprism.compare.reported import debunk_quotes_apart, debunking, told_by_debunk

    hoax = ("Lakeview has banned kites. “No kite may fly over the square,” said clerk Ann Reed, "
            "head of the town's records office. The mayor was in Paris all week.")
    debunk = ("A satirical website claimed Lakeview banned kites. The details gave readers reason "
              "for doubt.\n\n“No kite may fly over the square,” said clerk Ann Reed, head of the "
              "town's records office.\n\nAccording "
              "to the story, Lakeview has banned kites. The mayor was in Paris all week.")
    other = ("The kite ban is a hoax. “No kite may fly over the square,” said clerk Ann Reed, "
             "the story went on.")
    bodies = {"hoax": hoax, "debunk": debunk, "other": other}
    said = ("“No kite may fly over the square,” said clerk Ann Reed, head of the town's records "
            "office.")
    statements = (_statements("hoax", hoax, "Lakeview has banned kites.", said,
                              "The mayor was in Paris all week.")
                  + _statements("debunk", debunk, said,
                                "According to the story, Lakeview has banned kites.",
                                "The mayor was in Paris all week.")
                  + _statements("other", other, "“No kite may fly over the square,” said clerk "
                                "Ann Reed, the story went on."))
    quotes = [Quote(doc, (start := body.index("No kite")), (end := body.index("”", start)),
                    body[start:end], "Ann Reed") for doc, body in bodies.items()]
    assert [debunking(body) for body in bodies.values()] == [False, True, True]
    assert told_by_debunk(statements, quotes).tolist() == [False, True, False, True, True, False,
                                                           True]
    apart = debunk_quotes_apart(statements, quotes, bodies)
    assert apart[1, 3] and apart[0, 4]  # the hoax's quote and claim, told by the debunk
    assert not apart[2, 5]  # the debunk's own words
    assert not apart[3, 6]  # two debunks quoting the hoax


def test_a_fake_website_or_a_false_tale_inside_a_story_is_no_debunk():
    """Hackers' "fake websites" are no story called fake; a story with no word of a hoax,
    satire or a false report is no debunk."""
    from newsprism.compare.reported import debunking

    assert not debunking("Hackers set up fake websites to steal passwords, Microsoft said.")
    assert not debunking("The anchor said he was on the helicopter. He was not.")
    assert debunking("The claims are nonsense. No turkey farm was quarantined.")
    assert debunking("The story quickly went viral, but the incident never happened.")
    assert debunking("Dozens of outlets were fooled by a fake news site.")


def test_text_presented_as_the_claim_is_set_out():
    """"Here's the claim:" ending its paragraph presents the text below it as someone else's;
    "Here's Plait:" quotes a person, whose words are no published text set out."""
    from newsprism.compare.reported import reproduced

    body = ("So to start, here's the claim:\n\nThe planets will line up on Friday. Gravity will "
            "fall for an hour.\n\nThe article also mentions tides.\n\nHere's Plait:\n\nThe "
            "planets are too far away.")
    statements = _statements("a", body, "The planets will line up on Friday.",
                             "Gravity will fall for an hour.", "The article also mentions tides.",
                             "The planets are too far away.")
    assert reproduced(statements, {"a": body}).tolist() == [True, True, False, False]


def test_an_outlets_call_to_its_readers_corroborates_nothing():
    """audit14, fresh Multi-News: two articles of one outlet, each ending "If you have ever
    witnessed misconduct at work, we'd like to hear from you. Send us a secure tip ...", had
    both sentences corroborated. A call to the readers asserts no fact; a detective's appeal
    quoted in an article is a remark reported, and a report of a call ("Police asked anyone
    with information to call them") is news."""
    from newsprism.compare.reported import assert_nothing_apart, calls_readers

    texts = ["If you have ever worked on a film set and seen abuse, we'd like to hear from you.",
             "Send us a tip using the form on our website.",
             "Please sign up for our morning newsletter.",
             "“Tell us what you saw,” the detective urged the crowd.",
             "Police asked anyone with information to call them.",
             "The studio said it would hear from every worker."]
    assert [calls_readers(text) for text in texts] == [True, True, True, False, False, False]
    apart = assert_nothing_apart(texts)
    assert apart[0, 0] and apart[0, 4] and apart[4, 1]  # a call links to nothing, not its like
    assert not apart[3, 4] and not apart[4, 5]


def test_an_announcement_of_what_follows_corroborates_nothing():
    """audit15, fresh Multi-News: two articles of one outlet carried one video's caption,
    "Astronomers say they have found a comet. Here's what they say they know about it.", and
    its second sentence was corroborated. Announcing what follows asserts nothing; what the
    announcement introduces after a colon is said, and a quoted "Here's what I saw" is a
    remark."""
    from newsprism.compare.reported import announces_what_follows, assert_nothing_apart

    texts = ["Here's what they say they know about the comet.",
             "Here is how to watch the launch on Friday:",
             "Here are all we know about the storm so far.",
             "Here's what happened: the driver lost control on the bridge.",
             "“Here's what I saw,” the driver told reporters.",
             "The agency said it knew little about the comet."]
    assert [announces_what_follows(text) for text in texts] == [True, True, True, False, False,
                                                                 False]
    apart = assert_nothing_apart(texts)
    assert apart[0, 0] and apart[0, 5] and apart[1, 3]  # links to nothing, not its like
    assert not apart[3, 4] and not apart[4, 5]


def test_paragraphs_below_a_colon_that_ends_a_paragraph_naming_a_text_are_set_out():
    """A debunk sets out the hoax's paragraphs below a paragraph that speaks of the article and
    ends in a colon, with no verb of saying ("The rest of the article is advice to parents and
    the school:"): they corroborate no report asserting them. A video or tweet shown below
    ("Here is the video of the story:") is an embed the text leaves out, a paragraph naming no
    text ("The facts so far:") introduces the writer's own, and "According to reports in the
    Harbour Times:" gives the writer's own account its source; "She ends her post with:" quotes
    her. The block ends where the writer speaks of it ("Look at that last paragraph.")."""
    from newsprism.compare.reported import reproduced

    body = ("The article quotes no one on the trip. The rest of it is advice to parents and the "
            "school:\n\nTen pupils fell ill on a trip to Lakeview. The school has closed.\n\n"
            "Look at that last paragraph. The town has two schools.\n\nHere is the video of the "
            "story:\n\nThe bridge was shut on Monday.\n\nThe facts so far:\n\nThe mayor "
            "resigned on Tuesday.\n\nAccording to reports in the Harbour Times:\n\nThe port "
            "reopened on Wednesday.\n\nShe ends her post with:\n\nI would do it again.")
    statements = _statements("a", body, "Ten pupils fell ill on a trip to Lakeview.",
                             "The school has closed.", "Look at that last paragraph.",
                             "The town has two schools.", "The bridge was shut on Monday.",
                             "The mayor resigned on Tuesday.", "The port reopened on Wednesday.",
                             "I would do it again.")
    assert reproduced(statements, {"a": body}).tolist() == [True, True, False, False, False,
                                                            False, False, False]
