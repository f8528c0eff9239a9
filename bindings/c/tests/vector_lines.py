#!/usr/bin/env python3
"""Feeds official vectors to the C API's vector test (tests/c/test_vectors.c).

Reads ../shared/vectors (h2c/ JSON and eth/ YAML, provenance in its README) and prints one
line per case: a handler name and its fields as hex ("-" for an empty string), lists joined
by "," ("-" for an empty list), the expected outcome last ("ok", "fail", "null" or hex).
The C program does all the checking; this script only reformats text.
Usage: vector_lines.py VECTORS_DIR
"""
import json
import os
import sys


def h(s):
    s = s[2:] if s.startswith("0x") else s
    return s if s else "-"


def hl(items):
    return ",".join(h(x) for x in items) if items else "-"


def yaml_subset(text):
    """The YAML of consensus-spec-tests BLS files: `input:` (a scalar, a list, or a
    mapping of scalars and lists) and `output:`."""
    doc, key, sub = {}, None, None
    for raw in text.splitlines():
        if not raw.strip():
            continue
        indent = len(raw) - len(raw.lstrip())
        line = raw.strip()
        if line.startswith("- "):
            value = line[2:].strip().strip("'\"")
            if sub is None and doc[key] == {}:
                doc[key] = []  # a top-level list (`input:` then `- …`)
            target = doc[key] if sub is None else doc[key][sub]
            target.append(value)
            continue
        name, _, value = line.partition(":")
        value = value.strip().strip("'\"")
        if indent == 0:
            key, sub = name, None
            if name == "input":
                doc[key] = [] if value == "[]" else ({} if value == "" else value)
            else:
                doc[key] = value
        else:
            sub = name
            doc[key][sub] = [] if value in ("", "[]") else value
    return doc


def point(p):
    out = ""
    for coord in ("x", "y"):
        for part in reversed(p[coord].split(",")):
            out += h(part).rjust(96, "0")
    return out


def main(root):
    suites = {
        "BLS12381G1_XMD:SHA-256_SSWU_RO_": 0,
        "BLS12381G1_XMD:SHA-256_SSWU_NU_": 1,
        "BLS12381G2_XMD:SHA-256_SSWU_RO_": 2,
        "BLS12381G2_XMD:SHA-256_SSWU_NU_": 3,
    }
    for name, suite in suites.items():
        with open(os.path.join(root, "h2c", name + ".json")) as f:
            d = json.load(f)
        for v in d["vectors"]:
            print("h2c", suite, h(v["msg"].encode().hex()), h(d["dst"].encode().hex()), point(v["P"]))
    for name in ("expand_message_xmd_SHA256_38.json", "expand_message_xmd_SHA256_256.json"):
        with open(os.path.join(root, "h2c", name)) as f:
            d = json.load(f)
        for t in d["tests"]:
            print("xmd", h(t["msg"].encode().hex()), h(d["DST"].encode().hex()),
                  int(t["len_in_bytes"], 16), h(t["uniform_bytes"]))
    eth = os.path.join(root, "eth")
    for handler in sorted(os.listdir(eth)):
        folder = os.path.join(eth, handler)
        if not os.path.isdir(folder):
            continue
        for case in sorted(os.listdir(folder)):
            with open(os.path.join(folder, case, "data.yaml")) as f:
                d = yaml_subset(f.read())
            i, o = d["input"], d["output"]
            expect = {"true": "ok", "false": "fail", "": "null", "null": "null"}.get(o, None)
            if handler == "sign":
                print("sign", h(i["privkey"]), h(i["message"]), expect or h(o))
            elif handler == "verify":
                print("verify", h(i["pubkey"]), h(i["message"]), h(i["signature"]), expect)
            elif handler == "aggregate":
                print("aggregate", hl(i), expect or h(o))
            elif handler in ("fast_aggregate_verify", "eth_fast_aggregate_verify"):
                print(handler, hl(i["pubkeys"]), h(i["message"]), h(i["signature"]), expect)
            elif handler == "aggregate_verify":
                print("aggregate_verify", hl(i["pubkeys"]), hl(i["messages"]), h(i["signature"]), expect)
            elif handler == "eth_aggregate_pubkeys":
                print("eth_aggregate_pubkeys", hl(i), expect or h(o))
            else:
                sys.exit("unknown handler " + handler)


if __name__ == "__main__":
    main(sys.argv[1])
