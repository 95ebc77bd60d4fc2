/// XXH64 (Yann Collet's xxHash, 64-bit), written out here: a fast, well-tested hash whose value is fixed
/// by its specification, unlike Swift's `Hasher`, which is seeded per process.
///
/// The cache keys pages and reports by it. It is not a cryptographic hash: a 64-bit digest makes an
/// accidental collision among a site's hundred thousand keys about a one in 10⁹ chance per billion builds
/// (birthday bound 2⁻⁶⁴·n²/2 ≈ 3·10⁻¹⁰ for n = 10⁵), and the cache guards against mistakes, not attackers.
/// It runs at several GB/s, so hashing every report of a cold build costs little.
public struct StableHash: Sendable {
    static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    /// The XXH64 digest of `bytes` with `seed`.
    public static func xxh64(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        let count = bytes.count
        var offset = 0
        var hash: UInt64
        func word(_ at: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        if count >= 32 {
            var v1 = seed &+ prime1 &+ prime2
            var v2 = seed &+ prime2
            var v3 = seed
            var v4 = seed &- prime1
            while offset + 32 <= count {
                v1 = round(v1, word(offset))
                v2 = round(v2, word(offset + 8))
                v3 = round(v3, word(offset + 16))
                v4 = round(v4, word(offset + 24))
                offset += 32
            }
            hash = rotate(v1, 1) &+ rotate(v2, 7) &+ rotate(v3, 12) &+ rotate(v4, 18)
            hash = merge(hash, v1)
            hash = merge(hash, v2)
            hash = merge(hash, v3)
            hash = merge(hash, v4)
        } else {
            hash = seed &+ prime5
        }
        hash &+= UInt64(count)
        while offset + 8 <= count {
            hash ^= round(0, word(offset))
            hash = rotate(hash, 27) &* prime1 &+ prime4
            offset += 8
        }
        if offset + 4 <= count {
            hash ^= UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))) &* prime1
            hash = rotate(hash, 23) &* prime2 &+ prime3
            offset += 4
        }
        while offset < count {
            hash ^= UInt64(bytes[offset]) &* prime5
            hash = rotate(hash, 11) &* prime1
            offset += 1
        }
        hash ^= hash >> 33
        hash &*= prime2
        hash ^= hash >> 29
        hash &*= prime3
        hash ^= hash >> 32
        return hash
    }

    public static func xxh64(_ text: String, seed: UInt64 = 0) -> UInt64 {
        var text = text
        return text.withUTF8 { xxh64(UnsafeRawBufferPointer($0), seed: seed) }
    }

    public static func xxh64(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { xxh64($0, seed: seed) }
    }

    public static func xxh64(_ bytes: ArraySlice<UInt8>, seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { xxh64($0, seed: seed) }
    }

    static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotate(accumulator &+ input &* prime2, 31) &* prime1
    }

    static func merge(_ hash: UInt64, _ value: UInt64) -> UInt64 {
        (hash ^ round(0, value)) &* prime1 &+ prime4
    }

    static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        (value << bits) | (value >> (64 - bits))
    }

    // MARK: Digests of several parts

    private var parts: [UInt8] = []

    public init() {}

    /// Adds a part; parts are length-prefixed, so ("ab", "c") and ("a", "bc") differ.
    public mutating func add(_ text: String) {
        add(UInt64(text.utf8.count))
        parts.append(contentsOf: text.utf8)
    }

    public mutating func add(_ bytes: [UInt8]) {
        add(UInt64(bytes.count))
        parts.append(contentsOf: bytes)
    }

    public mutating func add(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { parts.append(contentsOf: $0) }
    }

    public var digest: UInt64 { Self.xxh64(parts) }

    /// A digest as 16 lower-case hex digits, the form the cache stores.
    public static func hex(_ digest: UInt64) -> String {
        let digits = String(digest, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
