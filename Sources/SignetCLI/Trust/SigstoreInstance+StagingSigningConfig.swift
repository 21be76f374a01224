// Generated from Tests/SignetCLITests/Fixtures/staging-signing-config.json; see SigstoreInstance.swift
// for how to refresh it. Do not edit by hand.

extension SigstoreInstance {
    /// The Sigstore public-good staging SigningConfig as its TUF repository (`tuf-repo-cdn.sigstage.dev`) published it.
    static let stagingSigningConfigDocument = #"""
{
  "mediaType": "application/vnd.dev.sigstore.signingconfig.v0.2+json",
  "caUrls": [
    {
      "url": "https://fulcio.sigstage.dev",
      "majorApiVersion": 1,
      "validFor": {
        "start": "2022-04-14T21:38:40Z"
      },
      "operator": "sigstore.dev"
    }
  ],
  "oidcUrls": [
    {
      "url": "https://oauth2.sigstage.dev/auth",
      "majorApiVersion": 1,
      "validFor": {
        "start": "2025-04-16T00:00:00Z"
      },
      "operator": "sigstore.dev"
    }
  ],
  "rekorTlogUrls": [
    {
      "url": "https://log2025-alpha3.rekor.sigstage.dev",
      "majorApiVersion": 2,
      "validFor": {
        "start": "2025-09-22T11:00:00Z"
      },
      "operator": "sigstore.dev"
    },
    {
      "url": "https://log2025-alpha2.rekor.sigstage.dev",
      "majorApiVersion": 2,
      "validFor": {
        "start": "2025-08-20T07:24:08Z",
        "end": "2025-09-22T11:00:00Z"
      },
      "operator": "sigstore.dev"
    },
    {
      "url": "https://log2025-alpha1.rekor.sigstage.dev",
      "majorApiVersion": 2,
      "validFor": {
        "start": "2025-05-07T12:00:00Z",
        "end": "2025-08-20T07:24:08Z"
      },
      "operator": "sigstore.dev"
    },
    {
      "url": "https://rekor.sigstage.dev",
      "majorApiVersion": 1,
      "validFor": {
        "start": "2021-01-12T11:53:27Z"
      },
      "operator": "sigstore.dev"
    }
  ],
  "tsaUrls": [
    {
      "url": "https://timestamp.sigstage.dev/api/v1/timestamp",
      "majorApiVersion": 1,
      "validFor": {
        "start": "2025-04-09T00:00:00Z"
      },
      "operator": "sigstore.dev"
    }
  ],
  "rekorTlogConfig": {
    "selector": "ANY"
  },
  "tsaConfig": {
    "selector": "ANY"
  }
}
"""#
}
