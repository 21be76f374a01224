// Generated from Tests/SignetCLITests/Fixtures/public-good-signing-config.json; see SigstoreInstance.swift
// for how to refresh it. Do not edit by hand.

extension SigstoreInstance {
    /// The Sigstore public-good production SigningConfig as its TUF repository (`tuf-repo-cdn.sigstore.dev`) published it.
    static let publicGoodSigningConfigDocument = #"""
{
  "mediaType": "application/vnd.dev.sigstore.signingconfig.v0.2+json",
  "caUrls": [
    {
      "url": "https://fulcio.sigstore.dev",
      "majorApiVersion": 1,
      "validFor": {
        "start": "2022-04-13T20:06:15.000Z"
      },
      "operator": "sigstore.dev"
    }
  ],
  "oidcUrls": [
    {
      "url": "https://oauth2.sigstore.dev/auth",
      "majorApiVersion": 1,
      "validFor": {
        "start": "2022-04-13T20:06:15.000Z"
      },
      "operator": "sigstore.dev"
    }
  ],
  "rekorTlogUrls": [
    {
      "url": "https://rekor.sigstore.dev",
      "majorApiVersion": 1,
      "validFor": {
        "start": "2021-01-12T11:53:27.000Z"
      },
      "operator": "sigstore.dev"
    }
  ],
  "tsaUrls": [
    {
      "url": "https://timestamp.sigstore.dev/api/v1/timestamp",
      "majorApiVersion": 1,
      "validFor": {
        "start": "2025-07-04T00:00:00Z"
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
