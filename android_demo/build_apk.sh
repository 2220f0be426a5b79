#!/usr/bin/env bash
# Build a signed, verified debug APK of the demo WITHOUT Gradle, from Debian packages only.
#   android_demo/build_apk.sh [MODEL.pte [SIDECAR.json]]
#   defaults: results/models/model_int8.pte and results/models/model_int8.json (repo root)
# Tools: bookworm's aapt2/aapt, apksigner, zipalign, a JDK; android.jar (API 23) and dx from bullseye's
# libandroid-23-java and dalvik-exchange, fetched with `apt-get download` through a private apt setup under
# build/cache (the system's apt sources are not touched). Everything is cached under android_demo/build/.
# The sidecar must carry the model's sha256 and size (they are checked); a model not marked "placeholder" in its
# sidecar must be an ExecuTorch program.
# The app is compiled against stubs/ (a stand-in of the ExecuTorch Java API), which is NOT packaged: this
# APK proves the app builds, packs and signs; it has no ExecuTorch runtime inside. The Gradle build (with
# the real org.pytorch:executorch-android AAR) is the one to install for real inference.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PTE="${1:-$ROOT/results/models/model_int8.pte}"
SIDECAR="${2:-$ROOT/results/models/model_int8.json}"
CACHE="$HERE/build/cache"
OUT="$HERE/build/apk"
APK="$OUT/quickdraw-mobilevit-demo.apk"
PKG=io.github.quickdrawmobilevit.demo
MIN_SDK=24
TARGET_SDK=34
VERSION_NAME=0.1.0
VERSION_CODE=1
t_start=$(date +%s)
say() { echo "== $*"; }
die() { echo "ERROR: $*" >&2; exit 1; }

[ -f "$PTE" ] || die "model not found: $PTE (export it first, or pass MODEL.pte SIDECAR.json)"
[ -f "$SIDECAR" ] || die "sidecar not found: $SIDECAR"
PTE="$(cd "$(dirname "$PTE")" && pwd)/$(basename "$PTE")"
SIDECAR="$(cd "$(dirname "$SIDECAR")" && pwd)/$(basename "$SIDECAR")"

# ---------------------------------------------------------------- tools from bookworm
need_pkgs=()
for t in aapt2:aapt aapt:aapt apksigner:apksigner zipalign:zipalign javac:default-jdk-headless keytool:default-jdk-headless python3:python3; do
  command -v "${t%%:*}" >/dev/null 2>&1 || need_pkgs+=("${t##*:}")
done
if [ ${#need_pkgs[@]} -gt 0 ]; then
  mapfile -t need_pkgs < <(printf '%s\n' "${need_pkgs[@]}" | sort -u)
  say "installing ${need_pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${need_pkgs[@]}" >/dev/null 2>&1 \
    || { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${need_pkgs[@]}" >/dev/null; }
fi

# ---------------------------------------------------------------- android.jar + dx.jar from bullseye (cached)
JARS="$CACHE/jars"
ANDROID_JAR="$JARS/android-23.jar"
DX_JAR="$JARS/dx.jar"
if [ ! -s "$ANDROID_JAR" ] || [ ! -s "$DX_JAR" ]; then
  say "fetching libandroid-23-java and dalvik-exchange from Debian bullseye (private apt dir: $CACHE/apt)"
  A="$CACHE/apt"
  mkdir -p "$A/lists/partial" "$A/archives/partial" "$A/etc" "$CACHE/debs" "$JARS"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bullseye main" > "$A/etc/sources.list"
  APTOPT=(-o "Dir::Etc::SourceList=$A/etc/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
          -o "Dir::State::Lists=$A/lists" -o "Dir::Cache=$A" -o "Dir::Cache::archives=$A/archives"
          -o "Dir::State::status=/dev/null" -o "APT::Sandbox::User=root")
  apt-get "${APTOPT[@]}" update >/dev/null
  (cd "$CACHE/debs" && apt-get "${APTOPT[@]}" download libandroid-23-java dalvik-exchange >/dev/null)
  X="$CACHE/extract"; rm -rf "$X"; mkdir -p "$X"
  for d in "$CACHE"/debs/*.deb; do dpkg-deb -x "$d" "$X"; done
  cp "$X/usr/share/java/com.android.android-23.jar" "$ANDROID_JAR"
  cp "$(readlink -f "$X/usr/share/java/com.android.dx.jar")" "$DX_JAR"
  (cd "$CACHE/debs" && sha256sum *.deb > "$JARS/SOURCES.sha256")
  rm -rf "$A"   # the bullseye index (about 17 MB with apt caches) is not needed once the jars are cached
  rm -rf "$X"
fi

# ---------------------------------------------------------------- inputs
say "model: $PTE ($(stat -c %s "$PTE") bytes)"
say "sidecar: $SIDECAR"
python3 - "$SIDECAR" "$PTE" <<'PYEOF'
import hashlib, json, os, sys
side, pte = sys.argv[1:]
m = json.load(open(side))
labels = m.get('classes') or m.get('labels') or m.get('class_names')
assert labels and all(isinstance(l, str) for l in labels), f'{side}: no list of classes'
pp = m.get('input') or m.get('preprocess')
assert isinstance(pp, dict) and 'input_size' in pp, f'{side}: no input/preprocess object with input_size'
for k in ('sha256', 'size_bytes'):
    assert k in m, f'{side}: no {k!r}: cannot check that the sidecar belongs to {pte}'
assert os.path.getsize(pte) == m['size_bytes'], f'{pte} has {os.path.getsize(pte)} bytes, the sidecar says {m["size_bytes"]}'
got = hashlib.sha256(open(pte, 'rb').read()).hexdigest()
assert got == m['sha256'].lower(), f'{pte} sha256 {got} does not match the sidecar ({m["sha256"]}): not the same export'
print(f'   sha256 of the model matches the sidecar: {got}')
if m.get('placeholder'):
    print('WARNING: the sidecar says this is a PLACEHOLDER model, not an ExecuTorch program')
else:
    assert open(pte, 'rb').read(8)[4:6] == b'ET', f'{pte} is not an ExecuTorch program (no ET magic at byte 4)'
    print(f'   ExecuTorch program (magic {open(pte, "rb").read(8)[4:8].decode("ascii", "replace")}), '
          f'runtime {m.get("runtime", "?")}, backend {m.get("backend", "?")}, batch {m.get("batch", "?")}')
print(f'   {len(labels)} classes, input {pp.get("shape")} input_size {pp["input_size"]}')
PYEOF

rm -rf "$OUT"; mkdir -p "$OUT"/{gen,classes,stub_classes}
SRC="$HERE/app/src/main"

# ---------------------------------------------------------------- resources: aapt2 compile + link
say "aapt2 compile/link"
sed "s|<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\">|<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" package=\"$PKG\">|" \
  "$SRC/AndroidManifest.xml" > "$OUT/AndroidManifest.xml"
grep -q "package=\"$PKG\"" "$OUT/AndroidManifest.xml" || die "could not set the package in the manifest"
aapt2 compile --dir "$SRC/res" -o "$OUT/res.zip"
aapt2 link -I "$ANDROID_JAR" --manifest "$OUT/AndroidManifest.xml" \
  --min-sdk-version $MIN_SDK --target-sdk-version $TARGET_SDK \
  --version-code $VERSION_CODE --version-name $VERSION_NAME \
  --java "$OUT/gen" -o "$OUT/base.apk" "$OUT/res.zip"

# ---------------------------------------------------------------- Java 8 bytecode against android.jar
say "javac (Java 8 bytecode, android-23 boot classpath, ExecuTorch stubs on the class path only)"
find "$HERE/stubs" -name '*.java' > "$OUT/stubs.txt"
javac -encoding UTF-8 -source 8 -target 8 -bootclasspath "$ANDROID_JAR" -Xlint:-options \
  -d "$OUT/stub_classes" @"$OUT/stubs.txt"
{ find "$SRC/java" -name '*.java'; find "$OUT/gen" -name '*.java'; } > "$OUT/sources.txt"
javac -encoding UTF-8 -source 8 -target 8 -bootclasspath "$ANDROID_JAR" -Xlint:-options \
  -classpath "$OUT/stub_classes" -d "$OUT/classes" @"$OUT/sources.txt"

say "dx --dex"
java -jar "$DX_JAR" --dex --min-sdk-version=$MIN_SDK --output="$OUT/classes.dex" "$OUT/classes"

# ---------------------------------------------------------------- zip: base.apk + classes.dex + assets
say "zip (assets/model_int8.pte STORED)"
python3 - "$OUT/base.apk" "$OUT/classes.dex" "$PTE" "$SIDECAR" "$OUT/unsigned.apk" <<'PYEOF'
import sys, zipfile
base, dex, pte, sidecar, out = sys.argv[1:]
T = (2024, 1, 1, 0, 0, 0)  # fixed timestamps: the same inputs give the same zip
def put(z, name, data, method):
    zi = zipfile.ZipInfo(name, T); zi.compress_type = method; zi.external_attr = 0o644 << 16
    z.writestr(zi, data)
with zipfile.ZipFile(base) as b, zipfile.ZipFile(out, 'w') as z:
    for zi in b.infolist():                      # AndroidManifest.xml, resources.arsc (stored), res/...
        put(z, zi.filename, b.read(zi), zi.compress_type)
    put(z, 'classes.dex', open(dex, 'rb').read(), zipfile.ZIP_DEFLATED)
    put(z, 'assets/model_int8.pte', open(pte, 'rb').read(), zipfile.ZIP_STORED)
    put(z, 'assets/model_int8.json', open(sidecar, 'rb').read(), zipfile.ZIP_DEFLATED)
PYEOF

say "zipalign"
zipalign -p -f 4 "$OUT/unsigned.apk" "$OUT/aligned.apk"
zipalign -c -p 4 "$OUT/aligned.apk"

# ---------------------------------------------------------------- sign with a debug key (made once, cached)
KS="$CACHE/debug.keystore"
if [ ! -s "$KS" ]; then
  say "keytool: new debug key"
  mkdir -p "$CACHE"
  keytool -genkeypair -keystore "$KS" -storetype PKCS12 -storepass android -keypass android \
    -alias androiddebugkey -keyalg RSA -keysize 2048 -validity 10000 \
    -dname "CN=Android Debug,O=quickdraw-mobilevit,C=US" >/dev/null 2>&1
fi
say "apksigner sign"
apksigner sign --ks "$KS" --ks-pass pass:android --key-pass pass:android --ks-key-alias androiddebugkey \
  --out "$APK" "$OUT/aligned.apk"

# ---------------------------------------------------------------- verify
say "apksigner verify"
apksigner verify --verbose --print-certs "$APK" | grep -E "^Verifies|Verified using v[123]|Signer #1 certificate DN|Number of signers" \
  || die "apksigner verify failed"
say "aapt dump badging"
aapt dump badging "$APK" | grep -E "^(package|sdkVersion|targetSdkVersion|application-label|launchable-activity):"
aapt dump badging "$APK" | grep -q "^package: name='$PKG'" || die "badging: wrong package"
aapt dump badging "$APK" | grep -q "^launchable-activity: name='$PKG.MainActivity'" || die "badging: no launchable MainActivity"
say "zip layout and dex contents"
python3 - "$APK" "$PTE" "$PKG" <<'PYEOF'
import sys, zipfile, hashlib, struct
apk, pte, pkg = sys.argv[1:]
z = zipfile.ZipFile(apk)
info = {i.filename: i for i in z.infolist()}
p = info['assets/model_int8.pte']
assert p.compress_type == zipfile.ZIP_STORED, 'model is compressed'
assert hashlib.sha256(z.read(p)).digest() == hashlib.sha256(open(pte, 'rb').read()).digest(), 'model bytes differ'
assert info['resources.arsc'].compress_type == zipfile.ZIP_STORED, 'resources.arsc is compressed'
with open(apk, 'rb') as f:                       # the data of a STORED entry must start 4-byte aligned
    for name in ('assets/model_int8.pte', 'resources.arsc'):
        i = info[name]; f.seek(i.header_offset); h = f.read(30)
        off = i.header_offset + 30 + struct.unpack('<H', h[26:28])[0] + struct.unpack('<H', h[28:30])[0]
        assert off % 4 == 0, f'{name} not aligned'
print(f'   assets/model_int8.pte: stored, {p.file_size} bytes, 4-byte aligned, sha256 matches the input')
dex = z.read('classes.dex')                      # list the classes the dex defines
u = lambda o: struct.unpack_from('<I', dex, o)[0]
def mutf8(o):
    while dex[o] & 0x80: o += 1                  # skip the ULEB128 length prefix
    o += 1
    return dex[o:dex.index(b'\0', o)].decode('utf-8', 'replace')
str_off, type_off, cls_n, cls_off = u(0x3C), u(0x44), u(0x60), u(0x64)
def type_name(t): return mutf8(u(str_off + 4 * u(type_off + 4 * t)))
defined = sorted(type_name(u(cls_off + 32 * k)) for k in range(cls_n))
stubs = [c for c in defined if c.startswith('Lorg/pytorch/')]
assert not stubs, f'ExecuTorch stubs were packaged: {stubs}'
want = ['L' + pkg.replace('.', '/') + '/' + c + ';' for c in ('MainActivity', 'DrawingView', 'core/StrokeRasterizer', 'core/Classifier', 'R')]
missing = [c for c in want if c not in defined]
assert not missing, f'missing classes: {missing}'
print(f'   classes.dex: {len(defined)} classes, none from org.pytorch (stubs not packaged)')
print('   entries:', ', '.join(sorted(info)))
PYEOF
say "OK: $APK ($(stat -c %s "$APK") bytes) in $(( $(date +%s) - t_start )) s"
