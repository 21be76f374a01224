#!/usr/bin/env python3
"""Writes the cosign-format key fixtures and secretbox cross-check vectors with an implementation
independent of Signet: PyNaCl (libsodium's crypto_secretbox) and pyca/cryptography (OpenSSL's
scrypt, key generation and PKCS#8/SPKI encoding). Run it in a throwaway venv:

    python3 -m venv /tmp/keygen && /tmp/keygen/bin/pip install pynacl cryptography
    /tmp/keygen/bin/python make-cosign-keys.py

Every run makes new random keys, salts and nonces; commit the folder as a whole.
"""
import base64
import json
import os
import secrets

import nacl
import nacl.secret
import cryptography
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

HERE = os.path.dirname(os.path.abspath(__file__))


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def encrypted_pem(pkcs8: bytes, password: bytes, n: int, r: int, p: int, label: str) -> str:
    """go-securesystemslib's `encrypted` format: scrypt → 32-byte key → nacl/secretbox."""
    salt = secrets.token_bytes(32)
    nonce = secrets.token_bytes(24)
    key = Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(password)
    box = nacl.secret.SecretBox(key).encrypt(pkcs8, nonce).ciphertext  # tag ‖ ciphertext
    document = {
        "kdf": {"name": "scrypt", "params": {"N": n, "r": r, "p": p}, "salt": b64(salt)},
        "cipher": {"name": "nacl/secretbox", "nonce": b64(nonce)},
        "ciphertext": b64(box),
    }
    body = b64(json.dumps(document, separators=(",", ":")).encode())
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return f"-----BEGIN {label}-----\n" + "\n".join(lines) + f"\n-----END {label}-----\n"


def write(name: str, text: str) -> None:
    with open(os.path.join(HERE, name), "w") as file:
        file.write(text)


KEYS = [
    # name, key, password, scrypt N, PEM label
    ("p256", ec.generate_private_key(ec.SECP256R1()), "correct horse battery staple", 65536, "ENCRYPTED SIGSTORE PRIVATE KEY"),
    ("p384-legacy", ec.generate_private_key(ec.SECP384R1()), "pässwörd ✓", 32768, "ENCRYPTED COSIGN PRIVATE KEY"),
    ("ed25519-empty-password", ed25519.Ed25519PrivateKey.generate(), "", 32768, "ENCRYPTED SIGSTORE PRIVATE KEY"),
]

for name, key, password, n, label in KEYS:
    pkcs8 = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    write(f"{name}.key", encrypted_pem(pkcs8, password.encode(), n, 8, 1, label))
    write(f"{name}.password", password)
    write(f"{name}.pub", key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode())

# crypto_secretbox over messages of lengths that cross the 16-byte Poly1305 and 64-byte Salsa20 blocks.
vectors = []
for length in [0, 1, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 191, 192, 193, 1000]:
    key, nonce, message = secrets.token_bytes(32), secrets.token_bytes(24), secrets.token_bytes(length)
    box = nacl.secret.SecretBox(key).encrypt(message, nonce).ciphertext
    vectors.append({"key": key.hex(), "nonce": nonce.hex(), "message": message.hex(), "box": box.hex()})
write("secretbox-pynacl.json", json.dumps({
    "source": f"PyNaCl {nacl.__version__} nacl.secret.SecretBox (libsodium crypto_secretbox_easy), random inputs",
    "vectors": vectors,
}, indent=1) + "\n")
print(f"PyNaCl {nacl.__version__}, cryptography {cryptography.__version__}")
