"""Pure workflow logic: the model, step declarations, validation, templates, retry policy and the
run/step state machine. No I/O, no database, no Qt: given a workflow and the recorded facts of a
run, it says what may run next. May import only the standard library and Jinja2.
"""
