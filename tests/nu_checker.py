"""Run the W3C Nu HTML checker (npm's vnu-jar, on Debian's Java) over folders of built pages."""
import json
import subprocess
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlsplit

VNU = Path(__file__).resolve().parent.parent / "node_modules/vnu-jar/build/dist/vnu.jar"


def nu_check(folders: list[Path]) -> dict[Path, list[dict]]:
    """Check every HTML file below the folders in one run; return the messages of each file."""
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--skip-non-html",
                             *map(str, folders)], capture_output=True, text=True, timeout=600)
    report = json.loads(result.stderr)  # the checker writes its report to stderr
    messages = defaultdict(list)
    for message in report["messages"]:
        assert "url" in message, message  # a message about no file: the checker itself failed
        messages[Path(unquote(urlsplit(message["url"]).path))].append(message)
    return dict(messages)


def errors(messages: list[dict]) -> list[str]:
    """The errors among one file's messages, as 'line: message'."""
    return [f"{m.get('lastLine', '?')}: {m['message']}" for m in messages if m["type"] == "error"]
