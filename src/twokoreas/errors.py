"""The one exception the project raises for bad input."""


class DataError(ValueError):
    """Bad or inconsistent input data, located by file, row and field.

    ``str(err)`` reads ``file:row: field: problem`` (row and field when known),
    the same shape ``python -m twokoreas check`` prints.
    """

    def __init__(self, file, problem, row=None, field=None):
        self.file = str(file)
        self.row = row
        self.field = field
        self.problem = problem
        super().__init__(self.location() + problem)

    def location(self):
        """``file:row: field: `` prefix for messages."""
        text = self.file
        if self.row is not None:
            text += f":{self.row}"
        text += ": "
        if self.field is not None:
            text += f"{self.field}: "
        return text
