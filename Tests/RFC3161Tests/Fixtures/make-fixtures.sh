#!/bin/sh
# Regenerates the OpenSSL-made RFC 3161 fixtures in this folder (OpenSSL 3.0 or later).
# Keys and certificates are throwaway test material. Replies carry the time they were made.
set -eu
cd "$(dirname "$0")"
rm -rf work && mkdir work
echo 01 > work/serial
CNF=openssl-tsa.cnf

# Timestamped data: stands in for the signature bytes a Sigstore client timestamps.
printf 'Signet RFC 3161 fixture: these bytes stand in for a signature.\n' > data.txt

# ECDSA P-256 root and TSA leaf.
openssl ecparam -name prime256v1 -genkey -noout -out ec-root.key
openssl req -new -x509 -config $CNF -key ec-root.key -subj "/O=Signet Test/CN=Signet Test EC Root" \
    -days 3650 -extensions v3_root -sha256 -out ec-root.pem
openssl ecparam -name prime256v1 -genkey -noout -out ec-tsa.key
openssl req -new -config $CNF -key ec-tsa.key -subj "/O=Signet Test/CN=Signet Test EC TSA" -out work/ec-tsa.csr
openssl x509 -req -in work/ec-tsa.csr -CA ec-root.pem -CAkey ec-root.key -set_serial 0x1001 -days 3650 \
    -extfile $CNF -extensions v3_tsa -sha256 -out ec-tsa.pem
cat ec-tsa.pem ec-root.pem > ec-chain.pem

# RSA-2048 root and TSA leaf.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa-root.key
openssl req -new -x509 -config $CNF -key rsa-root.key -subj "/O=Signet Test/CN=Signet Test RSA Root" \
    -days 3650 -extensions v3_root -sha256 -out rsa-root.pem
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa-tsa.key
openssl req -new -config $CNF -key rsa-tsa.key -subj "/O=Signet Test/CN=Signet Test RSA TSA" -out work/rsa-tsa.csr
openssl x509 -req -in work/rsa-tsa.csr -CA rsa-root.pem -CAkey rsa-root.key -set_serial 0x2001 -days 3650 \
    -extfile $CNF -extensions v3_tsa -sha256 -out rsa-tsa.pem
cat rsa-tsa.pem rsa-root.pem > rsa-chain.pem

# Queries.
openssl ts -query -data data.txt -sha256 -cert -out query-sha256-cert.tsq
openssl ts -query -data data.txt -sha256 -out query-sha256-nocert.tsq
openssl ts -query -data data.txt -sha384 -cert -out query-sha384.tsq
openssl ts -query -data data.txt -sha512 -no_nonce -out query-sha512-nononce.tsq
openssl ts -query -data data.txt -sha1 -cert -out query-sha1.tsq
openssl ts -query -data data.txt -sha256 -cert -tspolicy 1.2.3.4.1 -out query-policy.tsq

# Replies.
openssl ts -reply -config $CNF -section tsa_ec -queryfile query-sha256-cert.tsq -out reply-ec.tsr
openssl ts -reply -config $CNF -section tsa_ec -queryfile query-sha256-nocert.tsq -out reply-ec-nocert.tsr
openssl ts -reply -config $CNF -section tsa_ec -queryfile query-sha512-nononce.tsq -out reply-ec-sha512.tsr
openssl ts -reply -config $CNF -section tsa_ec -queryfile query-policy.tsq -out reply-ec-policy.tsr
openssl ts -reply -config $CNF -section tsa_rsa -queryfile query-sha384.tsq -out reply-rsa.tsr
# SHA-1 is not among the accepted digests, so this is a rejection (badAlg).
openssl ts -reply -config $CNF -section tsa_ec -queryfile query-sha1.tsq -out reply-rejection.tsr 2>/dev/null

# A BER token with indefinite lengths: re-sign the EC reply's TSTInfo with `openssl cms -stream`.
# cms adds contentType, signingTime and messageDigest, but no ESS signing-certificate attribute.
openssl ts -reply -in reply-ec.tsr -token_out -out work/token-ec.der
openssl asn1parse -inform DER -in work/token-ec.der | awk '/OCTET STRING/ && /HEX DUMP/ { sub(/.*HEX DUMP\]:/, ""); print; exit }' \
    | xxd -r -p > work/tstinfo-ec.der
openssl cms -sign -binary -nodetach -stream -nosmimecap -in work/tstinfo-ec.der \
    -econtent_type 1.2.840.113549.1.9.16.1.4 -signer ec-tsa.pem -inkey ec-tsa.key -md sha256 \
    -outform DER -out token-ec-ber.der

# Sanity: OpenSSL itself accepts what it made.
openssl ts -verify -queryfile query-sha256-cert.tsq -in reply-ec.tsr -CAfile ec-root.pem > /dev/null
openssl ts -verify -queryfile query-sha384.tsq -in reply-rsa.tsr -CAfile ec-root.pem -CAfile rsa-root.pem > /dev/null

rm -rf work
