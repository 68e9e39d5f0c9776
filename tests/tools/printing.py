"""How a printer breaks a paragraph into lines, shared by the tools that imitate printed text."""
import unicodedata


def columns(ch):
    """A Chinese character or full-width form takes two columns, other characters one."""
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def fill(paragraph, width):
    """The printed lines of a paragraph, filled to `width` columns."""
    lines, current, used = [], "", 0
    for ch in paragraph:
        if used + columns(ch) > width:
            lines.append(current)
            current, used = "", 0
        current += ch
        used += columns(ch)
    return lines + [current]
