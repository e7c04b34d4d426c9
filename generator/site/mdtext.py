"""Writing Markdown safely: article text is untrusted, so it is escaped before it enters a page.

Escaped text renders as itself in any CommonMark or Python-Markdown renderer: no markup,
no raw HTML, no links of its own. Front matter is YAML written as JSON scalars (valid YAML).
"""
from __future__ import annotations

import json
import re

_INLINE = re.compile(r"([\\`*_\[\]|])")
_BLOCK_START = re.compile(r"^(\s*)([-+#]|\d+[.)])")


# what marks Vietnamese words on a page in another language (render turns it into <span lang="vi">):
# private-use characters, which escape() takes out of any text, so that an article cannot write them
VI_START, VI_END = "\ue000", "\ue001"


def escape(text: str | None) -> str:
    """Article text as literal Markdown inline text on one line."""
    if not text:
        return ""
    text = " ".join(str(text).replace(VI_START, "").replace(VI_END, "").split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    # a line that starts like a list, quote or heading would become one
    return _BLOCK_START.sub(lambda m: m[1] + "\\" + m[2] if not m[2][0].isdigit()
                            else m[1] + m[2][:-1] + "\\" + m[2][-1], text)


def vietnamese(text: str | None) -> str:
    """Article text kept in Vietnamese on a page in another language: escaped, and marked as Vietnamese."""
    escaped = escape(text)
    return f"{VI_START}{escaped}{VI_END}" if escaped else ""


def link(text: str, url: str) -> str:
    """A link to one of our own pages; the URL is built by us and only percent-encoded here."""
    safe_url = url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")
    return f"[{escape(text)}]({safe_url})"


def external_link(text: str, url: str) -> str:
    """A link to a page elsewhere, such as an article's original. The address comes from an article, so it
    must be one `extract.outlets.safe_url` let through (http or https, no spaces, quotes or angle
    brackets); what Markdown would read in it is percent-encoded here."""
    if not url.lower().startswith(("http://", "https://")):
        return escape(text)          # never a javascript: or data: link, whatever the caller checked
    safe_url = "".join(_URL_ESCAPES.get(ch, ch) for ch in url)
    return f"[{escape(text)}]({safe_url})"


_URL_ESCAPES = {ch: f"%{ord(ch):02X}" for ch in " ()[]<>\"'`{}|^"}


def _scalar(value) -> str:
    # '<', '>' and '&' as YAML escapes: the value reads back the same, and no tool that shows
    # front matter without escaping it can be handed markup
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def front_matter(data: dict) -> str:
    """A YAML front-matter block: scalars, lists of scalars and lists of flat mappings."""
    lines = ["---"]
    for key, value in data.items():
        if isinstance(value, list):
            if not value:
                lines.append(f"{key}: []")
                continue
            lines.append(f"{key}:")
            for item in value:
                if isinstance(item, dict):
                    first = True
                    for k, v in item.items():
                        lines.append(f"  {'- ' if first else '  '}{k}: {_scalar(v)}")
                        first = False
                else:
                    lines.append(f"  - {_scalar(item)}")
        else:
            lines.append(f"{key}: {_scalar(value)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def table(header: list[str], rows: list[list[str]]) -> str:
    """A pipe table; cells must already be escaped (escape() also escapes '|')."""
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(out)
