/// How a nearest-neighbour query may be answered.
public enum VectorSearchStrategy: String, Sendable, Equatable, CaseIterable {
    /// The backend chooses: its approximate index when it has one, otherwise an exact scan.
    case automatic
    /// Always an exact scan over every candidate (used for selective filters and to measure recall).
    case exact
    /// The approximate index whenever the backend has one, even where its planner would scan exactly
    /// (broad filters; recall measurements). Backends without one scan exactly.
    case approximate
}
