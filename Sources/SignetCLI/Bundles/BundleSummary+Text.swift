extension BundleSummary {
    /// The text form: one labelled line per fact, grouped by section.
    var text: String {
        var lines = ["Bundle (contents as written, not verified)"]
        func add(_ label: String, _ value: String, indent: Int = 1) {
            let prefix = String(repeating: "  ", count: indent)
            lines.append(prefix + (label.isEmpty ? "" : label + ": ") + value)
        }
        add("Media type", "\(mediaType) (v\(version))")

        if let content {
            if content.kind == "messageSignature" {
                add("Content", "message signature")
                if let algorithm = content.digestAlgorithm, let digest = content.digest {
                    add("Digest", "\(algorithm) \(digest)", indent: 2)
                }
            } else {
                add("Content", "DSSE envelope, \(content.signatureCount ?? 0) signature(s), payload type \(content.payloadType ?? "")")
                if let statement = content.statement {
                    add("Statement", statement.type, indent: 2)
                    add("Predicate type", statement.predicateType, indent: 2)
                    for subject in statement.subjects {
                        let digests = subject.digest.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: " ")
                        add("Subject", "\(subject.name ?? "(unnamed)") \(digests)", indent: 2)
                    }
                } else {
                    add("Statement", "(payload is not an in-toto statement)", indent: 2)
                }
            }
        } else {
            add("Content", "(none)")
        }

        if let signer {
            switch signer.kind {
            case "publicKey":
                add("Signer", "public key, hint \(signer.publicKeyHint.map { $0.isEmpty ? "(empty)" : $0 } ?? "(none)")")
            default:
                let chain = signer.chainLength.map { ", chain of \($0)" } ?? ""
                add("Signer", "certificate\(chain)")
                if let problem = signer.problem { add("Problem", problem, indent: 2) }
                for name in signer.subjectAlternativeNames ?? [] { add("Identity", name, indent: 2) }
                if let issuer = signer.issuer { add("OIDC issuer", issuer, indent: 2) }
                if let notBefore = signer.notBefore, let notAfter = signer.notAfter {
                    add("Valid", "\(notBefore) to \(notAfter)", indent: 2)
                }
                if let certificateIssuer = signer.certificateIssuer { add("Issued by", certificateIssuer, indent: 2) }
                for (name, value) in (signer.extensions ?? [:]).sorted(by: { $0.key < $1.key }) where name != "issuer" && name != "issuerV1" {
                    add(name, value, indent: 2)
                }
            }
        } else {
            add("Signer", "(none)")
        }

        add("Log entries", "\(tlogEntries.count)")
        for entry in tlogEntries {
            add("Entry", "index \(entry.logIndex), \(entry.kind) \(entry.version), log ID \(entry.logID)", indent: 2)
            add("Integrated", entry.integratedTime ?? "(no integrated time)", indent: 3)
            add("Promise", entry.hasInclusionPromise ? "signed entry timestamp" : "(none)", indent: 3)
            if let treeSize = entry.inclusionProofTreeSize {
                add("Proof", "tree size \(treeSize), checkpoint \(entry.checkpointOrigin ?? "")", indent: 3)
            } else {
                add("Proof", "(none)", indent: 3)
            }
        }

        add("Timestamps", "\(timestamps.count)")
        for timestamp in timestamps {
            if let problem = timestamp.problem {
                add("Timestamp", problem, indent: 2)
            } else {
                add("Timestamp", "\(timestamp.genTime ?? "") serial \(timestamp.serialNumber ?? "") policy \(timestamp.policy ?? "")", indent: 2)
            }
        }
        return lines.joined(separator: "\n")
    }
}
