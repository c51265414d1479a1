#!/usr/bin/env python3
"""Structure self-check: a Markdown/text agreement's visible structure
against the clauses `ssrm extract` gives it.

usage: scripts/structure-selfcheck.py SSRM_BIN FILE...
  (build the binary once: go build -o /tmp/ssrm ./cmd/ssrm)

DOCX is read through pandoc (Markdown output).

The visible units are heading lines (#, setext, a bold line, an all-caps
line standing alone, a bold lead-in), lines that open with a clause number
("1.", "1.1", "2.3.1", "(a)", "a.", "(iv)", "Section 4", "Article 5", "§ 3")
and part headings ("ANNEX I - ..."). PDFs are read through pdftotext, whose
line order makes the PDF report noisy; Markdown is the reliable case.
The expected IDs are heuristics: a report line is a lead to look at, not a
verdict (nested Markdown lists, lettered parts and roman parts have several
citation styles).

For every visible unit (heading line, numbered line) it finds the clause
that starts with that line (clauses in document order) and reports:
  MISSING   the unit starts no clause (it is folded into another clause)
  ID        the clause's id is not what a lawyer would cite
Prints one line per fault and a count per kind.
"""
import json, re, subprocess, sys, collections

def alnum(s):
    return re.sub(r'[^0-9a-z]', '', s.lower())

LINK = re.compile(r'!?\[([^\]]*)\]\([^)]*\)')
def strip_md(s):
    s = LINK.sub(r'\1', s)
    s = re.sub(r'<[^>]+>', '', s)
    s = s.replace('\\', '')
    s = re.sub(r'(\*\*|__|\*|`)', '', s)
    s = re.sub(r'(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])', '', s)
    return s.strip()

ROMAN = re.compile(r'^(?=[ivxl]+$)(x{0,3})(ix|iv|v?i{0,3})$')
def is_roman(s):
    return bool(ROMAN.match(s.lower())) and s != ''

PART = re.compile(r'^(Exhibit|Schedule|Annex|Appendix|Attachment|Addendum|EXHIBIT|SCHEDULE|ANNEX|APPENDIX|ATTACHMENT|ADDENDUM)\s+([A-Z0-9IVX]+)\b')
SECT = re.compile(r'^(?:Section|SECTION|Article|ARTICLE|Clause|CLAUSE|§)\s*(\d+(?:\.\d+)*|[IVX]+)\b')
DOTTED = re.compile(r'^(\d+(?:\.\d+)+)\.?(?:\s|$)')
NUMDOT = re.compile(r'^(\d+)[.)](?:\s|$)')
NUMBARE = re.compile(r'^(\d+)\s+[A-Z]')
PAREN = re.compile(r'^\(([a-zA-Z]{1,4}|\d{1,2})\)\s*')
LETDOT = re.compile(r'^([a-zA-Z]|[ivxIVX]{1,4})[.)]\s+')

def units(text):
    lines = text.split('\n')
    out = []
    # front matter
    start = 0
    if lines and lines[0].strip() == '---':
        for j in range(1, len(lines)):
            if lines[j].strip() == '---':
                start = j + 1
                break
    incode = False
    heading_seen = False
    innav = False
    for i in range(start, len(lines)):
        raw = lines[i]
        s = raw.strip()
        if s.startswith('```'):
            incode = not incode
            continue
        if incode or not s or s.startswith('|') or re.match(r'^[-=*_]{3,}$', s):
            continue
        if re.match(r'(?i)^(?:.*[)\]]\s+)?(?:on this page|in this article)\s*:?\s*$', s):
            innav = True  # a web page's navigation list follows
            continue
        if innav and re.match(r'^[-*+]\s', s):
            continue
        innav = False
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ''
        prev = lines[i - 1].strip() if i > 0 else ''
        kind = None
        body = s
        m = re.match(r'^(#{1,6})\s+(.*)$', s)
        if m:
            kind, body = 'heading', m.group(2).strip().rstrip('#').strip()
            body = re.sub(r'^(?:\\#)+#*\s+', '', body)  # "## \## 1\. Scope" (a web page's echo)
        elif re.match(r'^(=+|-+)$', nxt) and not re.match(r'^[-*+]\s', s) and not prev:
            kind = 'heading'
        else:
            b = re.sub(r'^(>\s*)+', '', s)
            bl = re.sub(r'^([-*+]|\d+[.)])\s+', '', b)  # list marker (keep numbers below)
            mb = re.match(r'^(\*\*|__)(.+?)(\*\*|__)\s*[.:]?\s*$', b)
            if mb and len(mb.group(2).split()) <= 12 and not re.search(r'[.!?]\s+\S', strip_md(mb.group(2))):
                kind, body = 'bold', mb.group(2)
            elif strip_md(b).isupper() and len(re.findall(r'[A-Z]', strip_md(b))) >= 4 and len(strip_md(b).split()) <= 12 and not prev and not nxt.startswith(('-', '=')) and not strip_md(b).endswith(('.', ',', ';')) and not (nxt and nxt.isupper()) and not (prev and prev.isupper()) and (i + 2 >= len(lines) or not lines[i+2].strip().isupper()):
                kind = 'caps'
            else:
                lead = re.match(r'^(\*\*|__)(.+?)(\*\*|__)\s*\S', b)
                if lead and not prev and len(lead.group(2)) < 80 and re.search(r'[.:]\s*$', strip_md(lead.group(2))) or (lead and not prev and len(lead.group(2)) < 60 and re.match(r'^(\*\*|__)(.+?)(\*\*|__)\s*[.:\-–—]', b)):
                    kind, body = 'leadin', lead.group(2)
        if re.match(r'^\s*(\d+[.)]|[-*+])\s+\[[^\]]+\]\(#[^)]*\)\s*$', s):
            continue  # a contents entry linking to its section's anchor
        # "1.  ## Services": a heading inside a list item is a heading;
        # "1.  2.  Password": a list item opening a nested one is item 1.2
        body = re.sub(r'^(\d{1,3})[.)]\s+#{1,6}\s+', r'\1. ', body)
        body = re.sub(r'^(\d{1,3})\.\s+(\d{1,3})\.\s+', r'\1.\2 ', body)
        plain = strip_md(re.sub(r'^(>\s*)+', '', body))
        listm = re.match(r'^([-*+])\s+', plain)
        if listm:
            plain = plain[listm.end():]
        plain = re.sub(r'^(\d{1,3}(?:\.\d{1,3}){0,3}\.?|\([a-zA-Z]{1,5}\)|\(\d{1,3}\))(?=([A-Z][a-z]|[\u201c"\u2018]\S))', r'\1 ', plain.replace('****', ''))
        num = None
        for rx, typ in ((SECT, 'sect'), (DOTTED, 'dotted'), (PAREN, 'paren'), (NUMDOT, 'num'), (LETDOT, 'letdot')):
            mm = rx.match(plain)
            if mm:
                num = (typ, mm.group(1))
                break
        if num is None and kind in ('heading', 'bold', 'caps'):
            mm = NUMBARE.match(plain)
            if mm:
                num = ('num', mm.group(1))
        part = PART.match(plain)
        if kind is None and num is None and not (part and not prev and len(plain) < 120):
            continue
        if kind is None and num and num[0] == 'letdot' and not re.match(r'^[a-zA-Z]\.\s+[A-Z(]', plain) and not is_roman(num[1]):
            # "a. lower case" still an item; keep it
            pass
        out.append(dict(line=i + 1, kind=kind or 'number', num=num, plain=plain,
                        part=part.group(0) if part else None,
                        indent=len(raw) - len(raw.lstrip()), listed=bool(re.match(r'^\s*([-*+]|\d+[.)])\s', raw))))
    return out

def heading_id(plain):
    plain = plain.replace('\u2019', "'").replace('\u2018', "'")
    t = re.sub(r'[.:]\s*$', '', plain).strip()
    return '"%s"' % t

def marker_type(lbl, stack):
    if lbl.isdigit():
        return 'pnum'
    low = lbl.islower()
    if len(lbl) == 1 and not is_roman(lbl):
        return 'alpha' if low else 'ALPHA'
    if is_roman(lbl):
        # (i) after (h) is a letter
        al = 'alpha' if low else 'ALPHA'
        for t, l in reversed(stack):
            if t == al and len(lbl) == 1 and ord(lbl.lower()) == ord(l.lower()) + 1:
                return al
        return 'roman' if low else 'ROMAN'
    return 'alpha' if low else 'ALPHA'

def expected(units):
    """Attach to every unit the set of ids a lawyer might cite it by."""
    base = None   # current dotted/numbered clause, e.g. "1.4"
    hbase = None  # the number of the last numbered heading ("## 2. Fees")
    stack = []    # enumerations under base: [(type,label)]
    heading = None
    part = None
    for u in units:
        num, plain = u['num'], u['plain']
        acc = set()
        if u['part']:
            part = re.sub(r'\s+', ' ', u['part'])
            part = part[0] + part[1:].split(' ')[0].lower() + ' ' + part.split(' ', 1)[1]
            acc.add(part)
            base, stack = None, []
            u['acc'] = acc
            continue
        if num is None:
            heading = heading_id(plain)
            acc.add(heading)
            if u['kind'] in ('bold', 'leadin', 'caps') and base:
                acc.add('*')  # a sub-heading inside a numbered clause: any id
            else:
                base, stack = None, []
            u['acc'] = acc
            continue
        typ, lbl = num
        if typ in ('sect', 'dotted') or (typ == 'num' and (u['kind'] != 'number' or not u['listed'] or base is None or u['indent'] == 0)):
            lbl = re.sub(r'\.0$', '', lbl)
            if u['kind'] == 'number' and u['listed'] and hbase and typ == 'num':
                # a Markdown list under a numbered heading: its items are
                # cited N.1, N.2 (ssrm's convention, see SplitClauses)
                acc.add(hbase + '.' + lbl)
            elif u['kind'] != 'number':
                hbase = lbl
            if typ == 'num' and base and '.' not in base and u['kind'] == 'number' and u['indent'] > 0:
                acc.add(base + '.' + lbl)
            base = lbl
            stack = []
            acc.add(lbl)
            if heading:
                acc.add('%s %s' % (heading, lbl))
        elif typ == 'num':
            acc.add((base or '') + '.' + lbl)
            acc.add((base or '') + '(' + lbl + ')')
            if heading:
                acc.add('%s %s' % (heading, lbl))
        else:
            t = marker_type(lbl, stack)
            for k in range(len(stack)):
                if stack[k][0] == t:
                    stack = stack[:k]
                    break
            stack.append((t, lbl))
            acc.add((base or '') + ''.join('(%s)' % l for _, l in stack))
            if typ == 'letdot' and len(stack) == 1:
                acc.add(((base + '.') if base else '') + lbl)
            if heading and not base:
                acc.add('%s %s' % (heading, ''.join('(%s)' % l for _, l in stack)))
                acc.add('%s %s' % (heading, lbl))
        if part:
            acc |= {part + ' ' + a for a in acc}
        u['acc'] = acc

def check(binary, path, verbose=False):
    if path.endswith('.pdf'):
        text = subprocess.run(['pdftotext', path, '-'], capture_output=True, text=True).stdout
        text = '\n'.join(l.strip() for l in text.split('\n'))
    elif path.endswith('.docx'):
        # pandoc writes Word's automatic numbers as Markdown list numbers
        text = subprocess.run(['pandoc', '-t', 'gfm', '--wrap=none', path], capture_output=True, text=True).stdout
    else:
        text = open(path, encoding='utf-8', errors='replace').read()
    us = units(text)
    expected(us)
    out = subprocess.run([binary, 'extract', path], capture_output=True, text=True)
    if out.returncode != 0:
        return [('ERROR', 0, out.stderr.strip()[:200])], us, []
    cl = json.loads(out.stdout)['clauses']
    keys = [alnum(c['text'][:400]) for c in cl]
    faults = []
    ptr = 0
    ukeys = [alnum(u['plain'])[:40] for u in us]
    for u in us:
        key = alnum(u['plain'])[:40]
        if len(key) < 1:
            continue
        hit = None
        for k in range(ptr, len(cl)):
            if keys[k].startswith(key) and cl[k]['id'] != 'preamble':
                if k >= ptr + 12 and ukeys.count(key) > 1:
                    break
                hit = k
                break
        if hit is None and u['kind'] == 'number' and u['listed'] and u['indent'] > 0:
            # a nested item cited by its path ("2.1 Contents" for "1. ### Contents")
            bare = alnum(re.sub(r'^\d{1,3}[.)]?\s*', '', u['plain']))[:40]
            for k in range(ptr, min(ptr + 12, len(cl))):
                if bare and re.sub(r'^[0-9]+', '', keys[k]).startswith(bare):
                    hit = k
                    break
        if hit is None:
            # the title in the preamble is by design
            if ptr <= 1 and (len(cl) < 2 or True) and all(c['id'] == 'preamble' for c in cl[:ptr]) and u['num'] is None and ptr == 0 or (ptr == 0 and u['kind'] != 'number' and u['num'] is None):
                continue
            prev = cl[ptr - 1]['id'] if ptr else 'preamble'
            faults.append(('MISSING', u['line'], '%s %r in %s' % (u['kind'], u['plain'][:70], prev)))
            continue
        ptr = hit + 1
        cid = cl[hit]['id']
        acc = u.get('acc', set())
        if '*' in acc or not acc:
            continue
        cid = re.sub(r' \(\d+\)$', '', cid).replace('\u2019', "'")
        if u['kind'] == 'number' and u['listed'] and u['indent'] > 0 and u['num'] and u['num'][0] == 'num' and cid.split('.')[-1] == u['num'][1]:
            continue  # a nested Markdown list: N.M.K as ssrm numbers it
        bare = re.sub(r'^((Appendix|Annex|Exhibit|Schedule|Attachment|Addendum) \S+ )?(Part \S+ )?', '', cid)
        if bare in acc or bare.replace(' ', '') in {a.replace(' ', '') for a in acc}:
            continue
        if cid not in acc and cid.replace(' ', '') not in {a.replace(' ', '') for a in acc}:
            faults.append(('ID', u['line'], '%s %r: ssrm %s, want %s' % (u['kind'], u['plain'][:50], cid, ' | '.join(sorted(acc)))))
    return faults, us, cl

def main():
    args = [a for a in sys.argv[1:] if a != '-v']
    verbose = '-v' in sys.argv
    binary, files = args[0], args[1:]
    total = collections.Counter()
    nunits = 0
    for f in files:
        faults, us, cl = check(binary, f, verbose)
        nunits += len(us)
        c = collections.Counter(k for k, _, _ in faults)
        total.update(c)
        print('== %s: %d units, %d clauses, %s' % (f, len(us), len(cl), dict(c)))
        for k, line, msg in faults:
            print('  %-8s %5d %s' % (k, line, msg))
    print('TOTAL units %d faults %s' % (nunits, dict(total)))

if __name__ == '__main__':
    main()
