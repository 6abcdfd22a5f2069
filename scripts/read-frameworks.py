#!/usr/bin/env python3
"""read-frameworks.py — writes src/registry/frameworks.def from each
framework's own source, as found on the machine that made the table (Debian
12 packages unpacked under DEBS, pyenv's CPython 3.13.0, the running Node).
Not part of the build: the .def file is committed, and this script says
where every row came from. Usage: DEBS=/tmp/debs scripts/read-frameworks.py

Sources (each framework's HS_FRAMEWORK row repeats its own):
  Node.js   node:http STATUS_CODES of the running node (v20.x)
  Python    Lib/http/__init__.py of CPython 3.13.0 (pyenv)
  Werkzeug  werkzeug/http.py HTTP_STATUS_CODES and sansio/response.py, 3.1.8 (pyenv site-packages)
  Django    django/http/response.py 3.2.25 (python3-django) + Python 3.11's http.client.responses
            (Debian 12's /usr/lib/python3.11), constants rest_framework/status.py 3.14.0
  Go        net/http/status.go and server.go, Go 1.19.8 (golang-1.19-src)
  Spring    org/springframework/http/HttpStatus.class, spring-web 4.3.30 (libspring-web-java), via javap
  Rack      lib/rack/utils.rb, Rack 2.2.22 (ruby-rack)
  Rust      src/status.rs, http 0.2.7 (librust-http-dev)
  ASP.NET   scripts/sources/aspnetcore.tsv, read from three files of github.com/dotnet/aspnetcore
            (ASPNET_FILES below: path, commit, sha256); no Debian or npm package carries them
The ASP.NET Core files were read from GitHub by a source reader, not
downloaded: their code stays out of this repository, and only what they say
(code, constant, phrase) is kept, in scripts/sources/aspnetcore.tsv with
the commit and sha256 of each file. With copies of the three files under
ASPNET (default /tmp/aspnetcore, at their paths), the script reads them,
checks each sha256 and writes the .tsv again; without them it reads the .tsv.
"""
import hashlib, json, os, re, subprocess, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
DEBS = os.environ.get('DEBS', '/tmp/debs')
X, Y = DEBS + '/x', DEBS + '/y'
ASPNET = os.environ.get('ASPNET', '/tmp/aspnetcore')
PYENV = os.path.expanduser('~/.pyenv/versions')

status_def = open(os.path.join(ROOT, 'src/registry/status.def')).read()
reg = {int(m[1]): (m[2], m[3]) for m in re.finditer(r'^HS_STATUS\(\s*(\d+), (\w+),\s*"((?:[^"\\]|\\.)*)"', status_def, re.M)}
reg.pop(0, None)

def read(p):
    return open(p, encoding='utf-8').read()

fw = {}   # id -> {code: (symbol or None, phrase)}

# Node.js
node = json.loads(subprocess.check_output(['node', '-p', 'JSON.stringify(require("http").STATUS_CODES)']))
node_version = subprocess.check_output(['node', '-v']).decode().strip()
fw['NODE'] = {int(c): (None, p) for c, p in node.items()}

# Python 3.13: canonical members "NAME = code, 'Phrase'[, 'desc']" or "NAME = (code, 'Phrase', ...)"
def python_status(path):
    src = read(path)
    src = src[src.index('class HTTPStatus'):]
    out = {}
    for n, c, p in re.findall(r"^\s{4}([A-Z_]+) = \(?(\d{3}),\s*'((?:[^'\\]|\\.)*)'", src, re.M):
        out.setdefault(int(c), (n, p.replace("\\'", "'")))
    return out
fw['PYTHON'] = python_status(PYENV + '/3.13.0/lib/python3.13/http/__init__.py')

# Werkzeug: the phrase upper-cased, UNKNOWN for an unlisted code
wz_dir = PYENV + '/3.11.7/lib/python3.11/site-packages/werkzeug'
wz_resp = read(wz_dir + '/sansio/response.py')
assert '.upper()}' in wz_resp and '{status_code} UNKNOWN' in wz_resp
wz = read(wz_dir + '/http.py')
wz = wz[wz.index('HTTP_STATUS_CODES = {'):]
wz = wz[:wz.index('\n}')]
fw['WERKZEUG'] = {int(c): (None, p.upper()) for c, p in re.findall(r'(\d{3}): "([^"]*)"', wz)}

# Django 3.2.25 on Debian 12's Python 3.11; constants from DRF
dj = read(X + '/usr/lib/python3/dist-packages/django/http/response.py')
assert "responses.get(self.status_code, 'Unknown Status Code')" in dj
py311 = python_status('/usr/lib/python3.11/http/__init__.py')
drf = read(X + '/usr/lib/python3/dist-packages/rest_framework/status.py')
drfc = {}
for n, c in re.findall(r'^(HTTP_\w+) = (\d+)', drf, re.M):
    drfc.setdefault(int(c), n)
fw['DJANGO'] = {c: (drfc.get(c), py311[c][1] if c in py311 else 'Unknown Status Code') for c in set(drfc) | set(py311)}

# Go
go = read(X + '/usr/share/go-1.19/src/net/http/status.go')
assert 'fmt.Fprintf(bw, "%03d status code %d\\r\\n", code, code)' in read(X + '/usr/share/go-1.19/src/net/http/server.go')
gconst = {n: int(c) for n, c in re.findall(r'^\t(Status\w+)\s*= (\d+)', go, re.M)}
fw['GO'] = {gconst[n]: (n, p) for n, p in re.findall(r'case (Status\w+):\s*\n\s*return "([^"]*)"', go)}

# Spring: enum constants in <clinit>: ldc "NAME", ordinal, code, ldc "phrase"; skip @Deprecated ones
cls = DEBS + '/sp/org/springframework/http/HttpStatus.class'
code = subprocess.check_output(['javap', '-c', '-constants', '-p', cls]).decode()
verbose = subprocess.check_output(['javap', '-v', '-p', cls]).decode()
deprecated = set(re.findall(r'public static final org\.springframework\.http\.HttpStatus (\w+);\n(?:(?!  public).*\n)*?\s+Deprecated: true', verbose))
fw['SPRING'] = {}
for n, c, p in re.findall(r'// String (\w+)\n.*\n.*(?:sipush|bipush)\s+(\d+)\n.*// String ([^\n]*)\n', code):
    if n not in deprecated and n.isupper():
        fw['SPRING'].setdefault(int(c), (n, p.replace("\\'", "'")))

# ASP.NET Core. Kestrel writes "code phrase" (an empty phrase for a code it
# has no bytes for) with the phrase of WebUtilities' ReasonPhrases, and names
# each code by the StatusCodes constant its switch uses; StatusCodes.cs gives
# the other constants (the RFC 2616 names kept beside the renamed ones).
ASPNET_TSV = os.path.join(ROOT, 'scripts/sources/aspnetcore.tsv')
ASPNET_FILES = [  # (role, path, commit, sha256 of the file as read)
    ('phrases', 'src/Http/WebUtilities/src/ReasonPhrases.cs', 'cff6b265bae806855057243c461de13d0ba7c831',
     '5942e4fa57f42dbdc6c57901156c21510e53b0b09b5bdaf21c99c9a2c96138d9'),
    ('status line', 'src/Servers/Kestrel/Core/src/Internal/Http/ReasonPhrases.cs', 'cca91f243918df72a3228817436ab78291684d41',
     'f1a89c7b17c986a79c480a2bebc7c7260a60b37dfb7776da041e342aea7fff6b'),
    ('constants', 'src/Http/Http.Abstractions/src/StatusCodes.cs', 'deaaf589d2e13ccd649586ded24770fc9e2a7314',
     'c7859725346c998ce1e20b30d069036e4598b99cdffed584b358f81ba9891693'),
]

def aspnet_from_cs():
    """Reads the three files under ASPNET; returns the .tsv's lines."""
    src = {}
    for role, path, commit, sha in ASPNET_FILES:
        b = open(os.path.join(ASPNET, path), 'rb').read()
        assert hashlib.sha256(b).hexdigest() == sha, f'{path} is not the file read at {commit}'
        src[role] = b.decode('utf-8')
    assert 'TryGetValue(statusCode, out var phrase) ? phrase : string.Empty' in src['phrases']
    assert 'statusCode.ToString(CultureInfo.InvariantCulture) + " " + reasonPhrase' in src['status line']
    phrases = {int(c): p for c, p in re.findall(r'\{ (\d{3}), "([^"]*)" \}', src['phrases'])}
    used = {int(c): n for n, c in re.findall(r'StatusCodes\.(Status(\d{3})\w*) => _bytesStatus\2,', src['status line'])}
    const = re.findall(r'public const int (Status\w+) = (\d{3});', src['constants'])
    assert set(used) == set(phrases), 'Kestrel has bytes for exactly the codes that have a phrase'
    lines = ['# ASP.NET Core: the status codes it names and the reason phrase Kestrel sends with each,',
             '# read by scripts/read-frameworks.py from these files of https://github.com/dotnet/aspnetcore',
             '# (MIT License, Copyright (c) .NET Foundation and Contributors); the files themselves are not kept here.']
    for role, path, commit, sha in ASPNET_FILES:
        lines.append(f'#   {role}: {path} at {commit}, sha256 {sha}')
    older = sorted(n for n in used.values() if n not in {k for k, _ in const})
    lines.append(f'#   constants Kestrel uses that this StatusCodes.cs does not have yet: {", ".join(older) or "none"}')
    lines += ['# A code not listed is sent with an empty phrase ("HTTP/1.1 299 ").',
              '# Columns (tab-separated): code, the StatusCodes constant Kestrel uses, the other StatusCodes',
              '# constants for the code (comma-separated), the phrase.',
              'code\tconstant\tother\tphrase']
    for c in sorted(phrases):
        other = [n for n, k in const if int(k) == c and n != used[c]]
        lines.append(f'{c}\t{used[c]}\t{",".join(other)}\t{phrases[c]}')
    return lines

if os.path.isdir(ASPNET):
    os.makedirs(os.path.dirname(ASPNET_TSV), exist_ok=True)
    open(ASPNET_TSV, 'w').write('\n'.join(aspnet_from_cs()) + '\n')
fw['ASPNET'] = {}
for l in read(ASPNET_TSV).split('\n')[1:]:
    if l and not l.startswith('#') and not l.startswith('code\t'):
        c, n, other, p = l.split('\t')
        fw['ASPNET'][int(c)] = (n, p)

# Rack: the phrase, and the symbol SYMBOL_TO_STATUS_CODE derives from it
rk = read(X + '/usr/share/rubygems-integration/all/gems/rack-2.2.22/lib/rack/utils.rb')
assert "message.downcase.gsub(/\\s|-|'/, '_').to_sym" in rk
rk = rk[rk.index('HTTP_STATUS_CODES = {'):]
rk = rk[:rk.index('}')]
fw['RACK'] = {int(c): (re.sub(r"\s|-|'", '_', p.lower()), p) for c, p in re.findall(r"(\d{3}) => '([^']*)'", rk)}

# Rust http
rs = read(X + '/usr/share/cargo/registry/http-0.2.7/src/status.rs')
fw['RUST'] = {int(c): (n, p) for c, n, p in re.findall(r'\((\d{3}), (\w+), "([^"]*)"\);', rs)}

# nginx: status lines compiled into the binary, constants from the header
lines = subprocess.check_output(['strings', '-n', '5', Y + '/usr/sbin/nginx']).decode(errors='replace').split('\n')
ng_lines = {}
for l in lines:
    m = re.fullmatch(r'([1-5]\d\d) ([A-Z][A-Za-z -]+)', l)
    if m:
        ng_lines.setdefault(int(m[1]), m[2])
hdr = read(Y + '/usr/share/nginx/src/src/http/ngx_http_request.h')
ng_const = {}
for n, c in re.findall(r'#define (NGX_HTTPS?_\w+)\s+(\d{3})\b', hdr):
    if n not in ('NGX_HTTP_SPECIAL_RESPONSE', 'NGX_HTTP_NGINX_CODES', 'NGX_HTTP_LAST_2XX'):
        ng_const.setdefault(int(c), n)
fw['NGINX'] = {c: (ng_const.get(c), ng_lines.get(c)) for c in set(ng_lines) | set(ng_const)}

META = [
    ('NODE', 'node', 'Node.js', '', 'unknown', 0,
     f'node:http STATUS_CODES (lib/_http_server.js), Node.js {node_version}; an unlisted code is sent with "unknown"'),
    ('PYTHON', 'python', 'Python', 'HTTPStatus.', '', 0,
     'http.HTTPStatus, Lib/http/__init__.py, CPython 3.13.0'),
    ('WERKZEUG', 'werkzeug', 'Flask (Werkzeug)', '', 'UNKNOWN', 0,
     'werkzeug/http.py HTTP_STATUS_CODES, upper-cased by sansio/response.py, Werkzeug 3.1.8; an unlisted code is sent with UNKNOWN'),
    ('DJANGO', 'django', 'Django', 'status.', 'Unknown Status Code', 0,
     'HttpResponse.reason_phrase, django/http/response.py, Django 3.2.25 (Debian 12), from http.client.responses of Python 3.11; '
     'constants from rest_framework/status.py, Django REST framework 3.14.0'),
    ('GO', 'go', 'Go', 'http.', 'status code ', 0,
     'net/http status.go (StatusText) and server.go (writeStatusLine), Go 1.19.8; an unlisted code is sent as "status code N"'),
    ('SPRING', 'spring', 'Spring', 'HttpStatus.', '', 0,
     'org.springframework.http.HttpStatus (getReasonPhrase), spring-web 4.3.30 (Debian 12), read from HttpStatus.class; '
     'the servlet container writes the status line'),
    ('ASPNET', 'aspnet', 'ASP.NET Core', 'StatusCodes.', None, 0,
     'Microsoft.AspNetCore.Http.StatusCodes as Kestrel names each code, with the phrase of WebUtilities.ReasonPhrases '
     '(Kestrel status line), github.com/dotnet/aspnetcore at commits cff6b26, cca91f2, deaaf58 '
     '(scripts/sources/aspnetcore.tsv); an unlisted code is sent with an empty phrase'),
    ('RACK', 'rack', 'Rails / Rack', ':', '', 0,
     'Rack::Utils::HTTP_STATUS_CODES and SYMBOL_TO_STATUS_CODE, lib/rack/utils.rb, Rack 2.2.22 (Debian 12)'),
    ('RUST', 'rust', 'Rust (http)', 'StatusCode::', '', 0,
     'http::StatusCode (canonical_reason), src/status.rs, http crate 0.2.7 (Debian 12)'),
    ('NGINX', 'nginx', 'nginx', '', '', 0,
     'status lines compiled into nginx 1.22.1 (Debian 12 /usr/sbin/nginx) and NGX_HTTP_* of src/http/ngx_http_request.h'),
]

def cstr(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'

out = [read(os.path.join(ROOT, 'scripts/frameworks.def.head')).rstrip('\n')]
report = []
for fid, key, label, prefix, unknown, flags, src in META:
    out.append(f'\n/* ---- {label}: {src} */')
    unk = 'EMPTY' if unknown is None else cstr(unknown)
    out.append(f'HS_FRAMEWORK({fid}, {cstr(key)}, {cstr(label)}, {cstr(prefix)}, {unk},\n             {cstr(src)})')
    skipped = []
    for c in sorted(fw[fid]):
        if c not in reg:
            skipped.append(c)
            continue
        sym, p = fw[fid][c]
        name, phrase = reg[c]
        s = 'NAME' if sym == name else ('NONE' if sym is None else cstr(sym))
        ph = 'NONE' if p is None else 'SAME' if p == phrase else 'UPPER' if p == phrase.upper() and fid == 'WERKZEUG' else cstr(p)
        out.append(f'HS_FW({fid}, {c}, {s}, {ph})')
    report.append(f'{fid}: {len(fw[fid]) - len(skipped)} rows; codes not in status.def, left out: {skipped}')
out.append('\n#undef HS_FRAMEWORK\n#undef HS_FW')
open(os.path.join(ROOT, 'src/registry/frameworks.def'), 'w').write('\n'.join(out) + '\n')
print('\n'.join(report), file=sys.stderr)
