from newsprism.cli import app

app(prog_name="newsprism")
