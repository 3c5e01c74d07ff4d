import Foundation

/// How much a token says about identity: `-ln(p)`, where `p` is the larger of the token's share
/// of list entries and its share in the built-in background frequencies (`common-tokens.tsv`,
/// counted over the OFAC SDN list), and lists are treated as at least
/// `ScoringParameters.minimumListSize` entries long. A shared "trading" or "alexander" counts
/// little, a shared "lukashenka" a lot; a token unseen anywhere weighs the most.
public struct TokenWeights: Sendable {
    let documentFrequency: [String: Int]
    let listSize: Double
    let background: [String: Int]
    let backgroundSize: Double

    /// Counts each token once per entity (all its names and aliases together).
    public init(entityKeys: [Set<String>], data: ScreeningData, parameters: ScoringParameters) {
        var frequency: [String: Int] = [:]
        for keys in entityKeys {
            for key in keys { frequency[key, default: 0] += 1 }
        }
        documentFrequency = frequency
        listSize = max(Double(entityKeys.count), parameters.minimumListSize)
        background = data.commonTokens
        backgroundSize = Double(max(data.commonTokensTotal, 1))
    }

    /// The weight of a folded key.
    public func weight(_ key: String) -> Double {
        let listShare = (Double(documentFrequency[key] ?? 0) + 0.5) / listSize
        let backgroundShare = Double(background[key] ?? 0) / backgroundSize
        return -log(min(max(listShare, backgroundShare), 1))
    }

    /// The weight of a token by its kind: particles and initials are capped.
    public func weight(_ token: NameToken, parameters: ScoringParameters) -> Double {
        let base = weight(token.key)
        switch token.kind {
        case .name: return base
        case .particle: return min(base, parameters.particleWeight)
        case .initial: return min(base, parameters.initialWeight)
        }
    }
}
