#!/usr/bin/env python3
"""Validate policy files against the JSON Schema that `diligence schema` prints, reading YAML the
way editors do (YAML 1.2 core schema: `NO` is a string, `0302` an integer, `yes` a string), as
the YAML language server does.

usage: validate_with_schema.py SCHEMA.json FILE.yaml ...
Prints one JSON object per file: {"file": ..., "valid": true|false, "errors": [...]}.
Exit code: 0 when every file is valid, 1 otherwise, 2 on usage errors.
Needs PyYAML and jsonschema (pip install pyyaml jsonschema).
"""
import json
import re
import sys

import jsonschema
import yaml


class Core12Loader(yaml.SafeLoader):
    """PyYAML's SafeLoader with the YAML 1.2 core schema's implicit types instead of YAML 1.1's."""


Core12Loader.yaml_implicit_resolvers = {}
Core12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
Core12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789"))
Core12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+.0123456789"))
Core12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


def construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


Core12Loader.add_constructor("tag:yaml.org,2002:int", construct_int)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    validator = jsonschema.Draft7Validator(schema)
    status = 0
    for path in argv[2:]:
        try:
            with open(path, encoding="utf-8") as handle:
                document = yaml.load(handle, Loader=Core12Loader)
            errors = sorted(
                "/".join(str(part) for part in error.absolute_path) + ": " + error.message
                for error in validator.iter_errors(document))
        except yaml.YAMLError as error:
            errors = ["YAML: " + str(error).replace("\n", " ")]
        if errors:
            status = 1
        print(json.dumps({"file": path, "valid": not errors, "errors": errors[:20]}, ensure_ascii=False))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
