import re
from pathlib import Path

from django.conf import settings

ENV_READ = re.compile(r"""(?:env_str|env_bool|env_int|env_list|os\.environ\.get)\(\s*["']([A-Z_]+)["']""")


def test_every_environment_variable_the_settings_read_is_documented_in_the_readme():
    base = Path(settings.BASE_DIR)
    read = set(ENV_READ.findall((base / "cultuur" / "settings.py").read_text()))
    table = (base / "README.md").read_text()
    documented = set(re.findall(r"^\| `([A-Z_]+)` \|", table, flags=re.MULTILINE))
    assert read, "no environment variables found: the pattern is broken"
    assert read - documented == set(), "add these to the README configuration table"
