"""nbgrader settings for the teacher edition (teacher/): the same stubs as tools/editions.py,
so nbgrader's generate_assignment writes what `make student` writes."""
c = get_config()  # noqa: F821  (nbgrader provides it)
c.ClearSolutions.code_stub = {"python": "answer = None  # your answer: replace None"}
c.ClearSolutions.text_stub = ("*Your teacher has the answers to these questions (the teacher's edition "
                              "of this notebook). Try the sliders first.*")
