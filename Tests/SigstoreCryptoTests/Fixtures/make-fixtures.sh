#!/usr/bin/env bash
# Regenerates the SigstoreCrypto test fixtures: keys and signatures made with the openssl CLI
# (run with OpenSSL 3.0.19), plus real Sigstore keys and signatures extracted with python3 from
# the trusted roots and bundles in Tests/SigstoreModelsTests/Fixtures. See README.md.
# Every run makes new random keys; commit the whole Fixtures folder together.
set -euo pipefail
cd "$(dirname "$0")"
models=../../SigstoreModelsTests/Fixtures

rm -rf keys signatures sigstore
mkdir -p keys signatures sigstore
printf 'Signet SigstoreCrypto fixture message: the quick brown fox.\n' > signatures/message.txt
for h in sha256 sha384 sha512; do
  openssl dgst -"$h" -binary -out "signatures/message.$h" signatures/message.txt
done

# keys/NAME.pem is PKCS#8; NAME.pub.pem / NAME.pub.der the SPKI; NAME.keyid the hex SHA-256 of the DER SPKI.
key() {
  local name=$1; shift
  openssl genpkey "$@" -out "keys/$name.pem" 2>/dev/null
  openssl pkey -in "keys/$name.pem" -pubout -out "keys/$name.pub.pem"
  openssl pkey -in "keys/$name.pem" -pubout -outform DER -out "keys/$name.pub.der"
  openssl pkey -pubin -in "keys/$name.pub.pem" -outform DER | sha256sum | cut -d' ' -f1 > "keys/$name.keyid"
}
for curve in P-256 P-384 P-521; do
  name=p${curve#P-}
  key "$name" -algorithm EC -pkeyopt ec_paramgen_curve:"$curve" -pkeyopt ec_param_enc:named_curve
  openssl ec -in "keys/$name.pem" -out "keys/$name.sec1.pem" 2>/dev/null
done
key ed25519 -algorithm ED25519
for bits in 2048 3072 4096; do
  key "rsa$bits" -algorithm RSA -pkeyopt rsa_keygen_bits:"$bits"
  openssl rsa -in "keys/rsa$bits.pem" -traditional -out "keys/rsa$bits.pkcs1.pem" 2>/dev/null
  openssl rsa -in "keys/rsa$bits.pem" -RSAPublicKey_out -out "keys/rsa$bits.pkcs1.pub.pem" 2>/dev/null
done

# Keys that must be refused.
key rsa1024 -algorithm RSA -pkeyopt rsa_keygen_bits:1024
key rsa2048-e3 -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -pkeyopt rsa_keygen_pubexp:3
key rsa4608 -algorithm RSA -pkeyopt rsa_keygen_bits:4608
key rsa-pss -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048
key secp256k1 -algorithm EC -pkeyopt ec_paramgen_curve:secp256k1 -pkeyopt ec_param_enc:named_curve
key x25519 -algorithm X25519
openssl rsa -in keys/rsa1024.pem -traditional -out keys/rsa1024.pkcs1.pem 2>/dev/null
openssl ec -in keys/p256.pem -pubout -conv_form compressed -outform DER -out keys/p256-compressed.pub.der 2>/dev/null
openssl ec -in keys/p256.pem -pubout -param_enc explicit -outform DER -out keys/p256-explicit.pub.der 2>/dev/null
openssl pkcs8 -topk8 -in keys/p256.pem -v2 aes-256-cbc -passout pass:fixture -out keys/p256.encrypted.pem

# Signatures by openssl over signatures/message.txt: KEY-HASH[-PADDING].sig.
sign() {
  local key=$1 hash=$2 out=$3; shift 3
  openssl dgst -"$hash" -sign "keys/$key.pem" "$@" -out "signatures/$out" signatures/message.txt
}
pss=(-sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest -sigopt rsa_mgf1_md:sha256)
sign p256 sha256 p256-sha256.sig
sign p384 sha384 p384-sha384.sig
sign p384 sha256 p384-sha256.sig
sign p521 sha512 p521-sha512.sig
sign p521 sha256 p521-sha256.sig
for bits in 2048 3072 4096; do
  sign "rsa$bits" sha256 "rsa$bits-sha256-pkcs1.sig"
  sign "rsa$bits" sha256 "rsa$bits-sha256-pss.sig" "${pss[@]}"
done
sign rsa2048 sha512 rsa2048-sha512-pkcs1.sig
# Maximum salt length, as Go's rsa.SignPSS makes with PSSSaltLengthAuto: swift-crypto verifies
# only salt length = hash length, so this documents a known limitation.
sign rsa2048 sha256 rsa2048-sha256-pss-maxsalt.sig -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:max -sigopt rsa_mgf1_md:sha256
openssl pkeyutl -sign -inkey keys/ed25519.pem -rawin -in signatures/message.txt -out signatures/ed25519.sig
# Prehash signatures: openssl signs the digest file itself (pkeyutl), not the message.
openssl pkeyutl -sign -inkey keys/p256.pem -pkeyopt digest:sha256 -in signatures/message.sha256 -out signatures/p256-prehash-sha256.sig
openssl pkeyutl -sign -inkey keys/p384.pem -pkeyopt digest:sha384 -in signatures/message.sha384 -out signatures/p384-prehash-sha384.sig
openssl pkeyutl -sign -inkey keys/rsa2048.pem -pkeyopt digest:sha256 -pkeyopt rsa_padding_mode:pkcs1 \
  -in signatures/message.sha256 -out signatures/rsa2048-prehash-sha256-pkcs1.sig
openssl pkeyutl -sign -inkey keys/rsa2048.pem -pkeyopt digest:sha256 -pkeyopt rsa_padding_mode:pss \
  -pkeyopt rsa_pss_saltlen:digest -in signatures/message.sha256 -out signatures/rsa2048-prehash-sha256-pss.sig

# Real Sigstore material.
openssl x509 -inform DER -pubkey -noout -in <(python3 -c "
import json, base64, sys
b = json.load(open('$models/bundles/v0.3-staging-rekor-v2.sigstore.json'))
sys.stdout.buffer.write(base64.b64decode(b['verificationMaterial']['certificate']['rawBytes']))") > sigstore/staging-rekor-v2-leaf.pub.pem
openssl x509 -inform DER -pubkey -noout -in <(python3 -c "
import json, base64, sys
b = json.load(open('$models/bundles/v0.2-public-good-github.sigstore.json'))
sys.stdout.buffer.write(base64.b64decode(b['verificationMaterial']['x509CertificateChain']['certificates'][0]['rawBytes']))") > sigstore/public-good-github-leaf.pub.pem
cp "$models/rekor/staging-rekor-v2.txt" sigstore/staging-rekor-v2.txt
MODELS="$models" python3 - <<'PY'
import base64, json, os
models = os.environ["MODELS"]
def load(path): return json.load(open(os.path.join(models, path)))

# Log keys: every tlog and ctlog key of both trusted roots, with the published log ID.
keys = []
for root in ("public-good-trusted-root.json", "staging-trusted-root.json"):
    for kind in ("tlogs", "ctlogs"):
        for log in load(root)[kind]:
            keys.append({"root": root, "kind": kind, "baseUrl": log["baseUrl"],
                         "keyDetails": log["publicKey"]["keyDetails"],
                         "rawBytes": log["publicKey"]["rawBytes"], "keyId": log["logId"]["keyId"]})
json.dump(keys, open("sigstore/log-keys.json", "w"), indent=1)

def key_for(root, url):
    return next(k for k in keys if k["root"] == root and k["baseUrl"] == url)

def note(envelope):
    body, sigs = envelope.split("\n\n", 1)
    line = sigs.strip().split("\n")[0]
    blob = base64.b64decode(line.split(" ")[-1])
    return (body + "\n").encode(), blob[4:]

vectors = []
b = load("bundles/v0.2-public-good-github.sigstore.json")
e = b["verificationMaterial"]["tlogEntries"][0]
rekor = key_for("public-good-trusted-root.json", "https://rekor.sigstore.dev")
set_payload = json.dumps({"body": e["canonicalizedBody"], "integratedTime": int(e["integratedTime"]),
                          "logID": base64.b64decode(e["logId"]["keyId"]).hex(), "logIndex": int(e["logIndex"])},
                         sort_keys=True, separators=(",", ":")).encode()
vectors.append({"name": "rekor.sigstore.dev SET", "publicKeyDER": rekor["rawBytes"], "keyDetails": rekor["keyDetails"],
                "message": base64.b64encode(set_payload).decode(), "signature": e["inclusionPromise"]["signedEntryTimestamp"]})
body, sig = note(e["inclusionProof"]["checkpoint"]["envelope"])
vectors.append({"name": "rekor.sigstore.dev checkpoint", "publicKeyDER": rekor["rawBytes"], "keyDetails": rekor["keyDetails"],
                "message": base64.b64encode(body).decode(), "signature": base64.b64encode(sig).decode()})

b = load("bundles/v0.3-staging-rekor-v2.sigstore.json")
e = b["verificationMaterial"]["tlogEntries"][0]
alpha1 = key_for("staging-trusted-root.json", "https://log2025-alpha1.rekor.sigstage.dev")
body, sig = note(e["inclusionProof"]["checkpoint"]["envelope"])
vectors.append({"name": "log2025-alpha1.rekor.sigstage.dev checkpoint", "publicKeyDER": alpha1["rawBytes"],
                "keyDetails": alpha1["keyDetails"], "message": base64.b64encode(body).decode(),
                "signature": base64.b64encode(sig).decode()})
json.dump(vectors, open("sigstore/signatures.json", "w"), indent=1)

# Artifact signatures by Fulcio-certified keys: message signature and its digest, per bundle.
artifacts = []
for path, artifact in (("bundles/v0.3-staging-rekor-v2.sigstore.json", "staging-rekor-v2.txt"),
                       ("bundles/v0.2-public-good-github.sigstore.json", None)):
    m = load(path)["messageSignature"]
    artifacts.append({"bundle": os.path.basename(path), "artifact": artifact,
                      "publicKeyPEM": "staging-rekor-v2-leaf.pub.pem" if artifact else "public-good-github-leaf.pub.pem",
                      "digest": m["messageDigest"]["digest"], "signature": m["signature"]})
json.dump(artifacts, open("sigstore/artifact-signatures.json", "w"), indent=1)
PY
echo "fixtures written"
