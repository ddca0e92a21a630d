import HTTPTypes

extension HTTPField.Name {
    // These literals are valid header tokens, so the failable initialiser cannot fail; a typo would trap at start-up.
    /// `X-Count`: results in this page.
    static let xCount = HTTPField.Name("X-Count")!
    /// `X-Limit`: the page size asked for.
    static let xLimit = HTTPField.Name("X-Limit")!
    /// `X-Offset`: results skipped.
    static let xOffset = HTTPField.Name("X-Offset")!
    /// `X-Notices`: sentences for people about the results.
    static let xNotices = HTTPField.Name("X-Notices")!
    /// `X-Content-Type-Options`.
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    /// `Referrer-Policy`.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    /// `X-Frame-Options`.
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
}
