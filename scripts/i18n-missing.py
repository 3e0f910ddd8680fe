#!/usr/bin/env python3
"""Lists the texts of the sources (tr("…"), trn("…", "…", n), N_("…")) that the catalogue
(src/core/i18n_catalogue.cpp) lacks, as C++ rows ready to translate, and its rows no source uses.

    scripts/i18n-missing.py
The unit test "i18n: every text in the sources is in every catalogue" checks the same thing."""
import os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIT = r'"(?:[^"\\]|\\.)*"'

def joined(literals):
    return ''.join(re.findall(LIT, literals))

def keys():
    found = {}
    for base, _, files in os.walk(os.path.join(ROOT, 'src')):
        for f in files:
            if not f.endswith(('.cpp', '.hpp')) or f.startswith('i18n'):
                continue
            text = open(os.path.join(base, f), encoding='utf-8').read()
            for m in re.finditer(r'(?<![\w.:>])(trn|tr|N_)\(\s*((?:' + LIT + r'\s*)+)(?:,\s*((?:' + LIT + r'\s*)+))?', text):
                one = joined(m.group(2))
                other = joined(m.group(3)) if m.group(1) == 'trn' and m.group(3) else None
                found.setdefault(one, other)
    return found

def catalogue():
    path = os.path.join(ROOT, 'src', 'core', 'i18n_catalogue.cpp')
    if not os.path.exists(path):
        return set()
    text = open(path, encoding='utf-8').read()
    return set(joined(m.group(1)) for m in re.finditer(r'^    \{((?:' + LIT + r'\s*)+),', text, re.M))

if __name__ == '__main__':
    have = catalogue()
    found = keys()
    for one, other in sorted(found.items()):
        if one in have:
            continue
        if other:
            print('    {%s, {"", ""}, {"", "", ""}, {"", "", ""}}, // %s' % (one, other))
        else:
            print('    {%s, "", "", ""},' % one)
    for k in sorted(have - set(found)):
        print('// unused: ' + k, file=sys.stderr)
