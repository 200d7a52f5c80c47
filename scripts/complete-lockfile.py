# npm 11 leaves optional platform packages out of package-lock.json when the registry it reaches lacks them
# (this workplace mirrors only linux builds of @biomejs/cli-*), yet `npm ci` demands them. This adds
# the missing entries (no download happens: they never match this platform). Run after `npm install`:
#   python3 scripts/complete-lockfile.py package-lock.json
import json, sys
p = sys.argv[1]
lock = json.load(open(p))
pk = lock['packages']
missing = {
  'android-arm64': (['android'], ['arm64'], None),
  'android-x64': (['android'], ['x64'], None),
  'darwin-arm64': (['darwin'], ['arm64'], None),
  'darwin-x64': (['darwin'], ['x64'], None),
  'linux-arm64-musl': (['linux'], ['arm64'], ['musl']),
  'linux-x64-musl': (['linux'], ['x64'], ['musl']),
  'win32-arm64': (['win32'], ['arm64'], None),
  'win32-x64': (['win32'], ['x64'], None),
}
version = pk['node_modules/@biomejs/biome']['version']
for name, (os_, cpu, libc) in missing.items():
    key = f'node_modules/@biomejs/cli-{name}'
    if key in pk: continue
    entry = {'version': version, 'cpu': cpu, 'dev': True}
    if libc: entry['libc'] = libc
    entry.update({'license': 'MIT OR Apache-2.0', 'optional': True, 'os': os_, 'engines': {'node': '>=14.21.3'}})
    pk[key] = entry
lock['packages'] = dict(sorted(pk.items(), key=lambda kv: (kv[0] != '', kv[0])))
json.dump(lock, open(p, 'w'), indent=2)
open(p, 'a').write('\n')
