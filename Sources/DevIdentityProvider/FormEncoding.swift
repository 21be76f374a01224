import Foundation

/// `application/x-www-form-urlencoded` (the WHATWG URL standard's form encoding), used by OAuth
/// for query strings and token request bodies.
enum FormEncoding {
    /// The name/value pairs of `text`; a name given twice is refused, as RFC 6749 §3.1 requires.
    static func parameters(of text: String) throws(DevIdentityProviderError) -> [String: String] {
        var parameters: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let nameAndValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decoded(nameAndValue[0]), let value = decoded(nameAndValue.count > 1 ? nameAndValue[1] : "") else {
                throw DevIdentityProviderError(.invalidRequest, "the parameters are not valid application/x-www-form-urlencoded")
            }
            guard parameters.updateValue(value, forKey: name) == nil else {
                throw DevIdentityProviderError(.invalidRequest, "parameter \(name) appears twice")
            }
        }
        return parameters
    }

    /// `+` is a space; `%XX` escapes are UTF-8 bytes.
    static func decoded(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
