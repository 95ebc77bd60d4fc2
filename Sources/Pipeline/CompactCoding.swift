/// A compact binary form of `Codable` values, for the build cache: a one-report rebuild reads the
/// summaries of every other report and the whole manifest, and JSON's text and keys made that the
/// larger part of its time.
///
/// The form is positional: a struct is its stored properties in the order its `Codable` conformance
/// encodes them, without their keys, so a value decodes only as the type it was encoded as (the cache's
/// keys carry a format number and the executable's fingerprint, so it never meets another). In it:
///
/// - an integer is a variable-length number (LEB128), zig-zagged when signed;
/// - a string is its UTF-8 length, then its bytes; a `Double` or `Float` its IEEE bits, little-endian;
/// - an optional is a byte, 0 for nil or 1 before the value;
/// - a list is a 32-bit little-endian count, then its elements;
/// - a dictionary is its count, then its keys and values in key order (so equal dictionaries give equal
///   bytes, whatever their hashing): its keys must be `Comparable`.
///
/// Encoding the same value always gives the same bytes.
enum CompactCoding {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The variable-length number at `offset` in `bytes`, and `offset` moved past it; nil when the bytes
    /// end first or it runs past 64 bits.
    static func unsigned<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, at offset: inout Int) -> UInt64? where Bytes.Index == Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    /// Appends `value` as a variable-length number.
    static func append(unsigned value: UInt64, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Appends a list's or dictionary's count: 32 bits, little-endian.
    static func append(count: Int, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: UInt32(count).littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// The count at `offset` in `bytes`, and `offset` moved past it; nil when the bytes end first.
    static func count<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, at offset: inout Int) -> Int? where Bytes.Index == Int {
        guard offset + 4 <= bytes.count else { return nil }
        var count = 0
        for index in 0..<4 { count |= Int(bytes[offset + index]) << (8 * index) }
        offset += 4
        return count
    }

    static func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let encoder = CompactEncoder()
        try encoder.encodeValue(value)
        return encoder.bytes
    }

    /// Decodes a value from all of `bytes`; bytes cut short, left over or out of range throw.
    static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws -> Value {
        let decoder = CompactDecoder(bytes)
        let value = try decoder.decodeValue(Value.self)
        guard decoder.offset == bytes.count else {
            throw Failure(description: "\(bytes.count - decoder.offset) bytes left over after \(Value.self)")
        }
        return value
    }
}

// MARK: - Optionals and dictionaries

/// `Optional`, seen through a generic parameter: its tag is written by the container that holds it.
private protocol CompactOptional {
    var isNone: Bool { get }
    static var nothing: Self { get }
}

extension Optional: CompactOptional {
    fileprivate var isNone: Bool { self == nil }
    fileprivate static var nothing: Self { nil }
}

private protocol CompactEncodableDictionary {
    func encodeEntries(to encoder: CompactEncoder) throws
}

extension Dictionary: CompactEncodableDictionary where Key: Encodable & Comparable, Value: Encodable {
    fileprivate func encodeEntries(to encoder: CompactEncoder) throws {
        encoder.writeCount(count)
        // Keys alone are sorted (not key-value pairs, which this generic code would copy through witness
        // tables), and the manifest's String keys as Strings, where the comparison is specialised.
        let ordered: [Key]
        if let strings = Array(keys) as? [String] {
            ordered = strings.sorted() as! [Key]
        } else {
            ordered = keys.sorted()
        }
        for key in ordered {
            try encoder.encodeValue(key)
            try encoder.encodeValue(self[key]!)
        }
    }
}

private protocol CompactDecodableDictionary {
    static func decodeEntries(from decoder: CompactDecoder) throws -> Self
}

extension Dictionary: CompactDecodableDictionary where Key: Decodable & Comparable, Value: Decodable {
    fileprivate static func decodeEntries(from decoder: CompactDecoder) throws -> Self {
        let count = try decoder.readCount()
        var dictionary = Self(minimumCapacity: count)
        for _ in 0..<count {
            let key = try decoder.decodeValue(Key.self)
            dictionary[key] = try decoder.decodeValue(Value.self)
        }
        return dictionary
    }
}

// MARK: - Encoding

final class CompactEncoder: Encoder {
    var bytes: [UInt8] = []
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init() {
        bytes.reserveCapacity(1024)
    }

    func encodeValue<Value: Encodable>(_ value: Value) throws {
        if let optional = value as? any CompactOptional {
            bytes.append(optional.isNone ? 0 : 1)
            if optional.isNone { return }
        } else if let dictionary = value as? any CompactEncodableDictionary {
            return try dictionary.encodeEntries(to: self)
        }
        try value.encode(to: self)
    }

    func writeUnsigned(_ value: UInt64) {
        CompactCoding.append(unsigned: value, to: &bytes)
    }

    func writeSigned(_ value: Int64) {
        writeUnsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    func writeString(_ value: String) {
        writeUnsigned(UInt64(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }

    func writeCount(_ count: Int) {
        CompactCoding.append(count: count, to: &bytes)
    }

    /// A place for a list's count, filled in as its elements are written.
    func reserveCount() -> Int {
        writeCount(0)
        return bytes.count - 4
    }

    func setCount(_ count: Int, at position: Int) {
        withUnsafeBytes(of: UInt32(count).littleEndian) { raw in
            for index in 0..<4 { bytes[position + index] = raw[index] }
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(CompactKeyedWriter<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        CompactListWriter(encoder: self, countPosition: reserveCount())
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        CompactValueWriter(encoder: self)
    }
}

/// The primitive writes shared by the three kinds of container.
private protocol CompactWriting {
    var encoder: CompactEncoder { get }
}

extension CompactWriting {
    func put(_ value: Bool) { encoder.bytes.append(value ? 1 : 0) }
    func put(_ value: String) { encoder.writeString(value) }
    func put(_ value: Double) { putBits(value.bitPattern) }
    func put(_ value: Float) { putBits(UInt64(value.bitPattern)) }
    func put<Integer: SignedInteger>(signed value: Integer) { encoder.writeSigned(Int64(value)) }
    func put<Integer: UnsignedInteger>(unsigned value: Integer) { encoder.writeUnsigned(UInt64(value)) }

    private func putBits(_ bits: UInt64) {
        withUnsafeBytes(of: bits.littleEndian) { encoder.bytes.append(contentsOf: $0) }
    }
}

private struct CompactKeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol, CompactWriting {
    let encoder: CompactEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { encoder.bytes.append(0) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { put(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(signed: value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(signed: value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(signed: value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(signed: value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(signed: value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(unsigned: value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(unsigned: value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(unsigned: value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(unsigned: value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(unsigned: value) }
    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws { try encoder.encodeValue(value) }

    // Optionals carry a tag (the standard library's defaults would write nothing for nil).
    private func tag(_ present: Bool) -> Bool {
        encoder.bytes.append(present ? 1 : 0)
        return present
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { if tag(value != nil) { put(value!) } }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { if tag(value != nil) { put(value!) } }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { if tag(value != nil) { put(value!) } }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { if tag(value != nil) { put(value!) } }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { if tag(value != nil) { put(signed: value!) } }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { if tag(value != nil) { put(signed: value!) } }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { if tag(value != nil) { put(signed: value!) } }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { if tag(value != nil) { put(signed: value!) } }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { if tag(value != nil) { put(signed: value!) } }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { if tag(value != nil) { put(unsigned: value!) } }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { if tag(value != nil) { put(unsigned: value!) } }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { if tag(value != nil) { put(unsigned: value!) } }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { if tag(value != nil) { put(unsigned: value!) } }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { if tag(value != nil) { put(unsigned: value!) } }
    mutating func encodeIfPresent<Value: Encodable>(_ value: Value?, forKey key: Key) throws {
        if tag(value != nil) { try encoder.encodeValue(value!) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.container(keyedBy: NestedKey.self)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { encoder.unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { encoder }
    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder }
}

private struct CompactListWriter: UnkeyedEncodingContainer, CompactWriting {
    let encoder: CompactEncoder
    let countPosition: Int
    var count = 0
    var codingPath: [any CodingKey] { [] }

    private mutating func counted() {
        count += 1
        encoder.setCount(count, at: countPosition)
    }

    mutating func encodeNil() throws { counted(); encoder.bytes.append(0) }
    mutating func encode(_ value: Bool) throws { counted(); put(value) }
    mutating func encode(_ value: String) throws { counted(); put(value) }
    mutating func encode(_ value: Double) throws { counted(); put(value) }
    mutating func encode(_ value: Float) throws { counted(); put(value) }
    mutating func encode(_ value: Int) throws { counted(); put(signed: value) }
    mutating func encode(_ value: Int8) throws { counted(); put(signed: value) }
    mutating func encode(_ value: Int16) throws { counted(); put(signed: value) }
    mutating func encode(_ value: Int32) throws { counted(); put(signed: value) }
    mutating func encode(_ value: Int64) throws { counted(); put(signed: value) }
    mutating func encode(_ value: UInt) throws { counted(); put(unsigned: value) }
    mutating func encode(_ value: UInt8) throws { counted(); put(unsigned: value) }
    mutating func encode(_ value: UInt16) throws { counted(); put(unsigned: value) }
    mutating func encode(_ value: UInt32) throws { counted(); put(unsigned: value) }
    mutating func encode(_ value: UInt64) throws { counted(); put(unsigned: value) }
    mutating func encode<Value: Encodable>(_ value: Value) throws { counted(); try encoder.encodeValue(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        counted()
        return encoder.container(keyedBy: NestedKey.self)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        counted()
        return encoder.unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder {
        counted()
        return encoder
    }
}

private struct CompactValueWriter: SingleValueEncodingContainer, CompactWriting {
    let encoder: CompactEncoder
    var codingPath: [any CodingKey] { [] }

    /// Only an `Optional` encodes nil here, and `encodeValue` has written its tag already.
    mutating func encodeNil() throws {}
    mutating func encode(_ value: Bool) throws { put(value) }
    mutating func encode(_ value: String) throws { put(value) }
    mutating func encode(_ value: Double) throws { put(value) }
    mutating func encode(_ value: Float) throws { put(value) }
    mutating func encode(_ value: Int) throws { put(signed: value) }
    mutating func encode(_ value: Int8) throws { put(signed: value) }
    mutating func encode(_ value: Int16) throws { put(signed: value) }
    mutating func encode(_ value: Int32) throws { put(signed: value) }
    mutating func encode(_ value: Int64) throws { put(signed: value) }
    mutating func encode(_ value: UInt) throws { put(unsigned: value) }
    mutating func encode(_ value: UInt8) throws { put(unsigned: value) }
    mutating func encode(_ value: UInt16) throws { put(unsigned: value) }
    mutating func encode(_ value: UInt32) throws { put(unsigned: value) }
    mutating func encode(_ value: UInt64) throws { put(unsigned: value) }
    mutating func encode<Value: Encodable>(_ value: Value) throws { try encoder.encodeValue(value) }
}

// MARK: - Decoding

final class CompactDecoder: Decoder {
    let bytes: [UInt8]
    var offset = 0
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether each type met is an optional, a dictionary or neither: asked of every nested value, and a
    /// dynamic cast costs more than the rest of decoding a small value.
    private var plainTypes: Set<ObjectIdentifier> = []

    func decodeValue<Value: Decodable>(_ type: Value.Type) throws -> Value {
        guard !plainTypes.contains(ObjectIdentifier(Value.self)) else { return try Value(from: self) }
        if let optional = Value.self as? any CompactOptional.Type {
            // Optional's own `init(from:)` asks `decodeNil()`, which answers false once the tag is read.
            if try readByte() == 0 { return optional.nothing as! Value }
        } else if let dictionary = Value.self as? any CompactDecodableDictionary.Type {
            return try dictionary.decodeEntries(from: self) as! Value
        } else {
            plainTypes.insert(ObjectIdentifier(Value.self))
        }
        return try Value(from: self)
    }

    func failure(_ what: String) -> CompactCoding.Failure {
        CompactCoding.Failure(description: "\(what) at byte \(offset) of \(bytes.count)")
    }

    func readByte() throws -> UInt8 {
        guard offset < bytes.count else { throw failure("cut short") }
        defer { offset += 1 }
        return bytes[offset]
    }

    func readUnsigned() throws -> UInt64 {
        guard let value = CompactCoding.unsigned(in: bytes, at: &offset) else { throw failure("number cut short or too long") }
        return value
    }

    func readSigned() throws -> Int64 {
        let raw = try readUnsigned()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    func readBits(_ count: Int) throws -> UInt64 {
        guard offset + count <= bytes.count else { throw failure("cut short") }
        var value: UInt64 = 0
        for index in 0..<count { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += count
        return value
    }

    func readCount() throws -> Int {
        guard let count = CompactCoding.count(in: bytes, at: &offset) else { throw failure("cut short") }
        return count
    }

    func readString() throws -> String {
        let length = try readUnsigned()
        guard length <= UInt64(bytes.count - offset) else { throw failure("string cut short") }
        let end = offset + Int(length)
        defer { offset = end }
        return String(decoding: bytes[offset..<end], as: UTF8.self)
    }

    func readBool() throws -> Bool {
        switch try readByte() {
        case 0: return false
        case 1: return true
        default: throw failure("not a Bool")
        }
    }

    func read<Integer: FixedWidthInteger & SignedInteger>(signed: Integer.Type) throws -> Integer {
        guard let value = Integer(exactly: try readSigned()) else { throw failure("\(Integer.self) out of range") }
        return value
    }

    func read<Integer: FixedWidthInteger & UnsignedInteger>(unsigned: Integer.Type) throws -> Integer {
        guard let value = Integer(exactly: try readUnsigned()) else { throw failure("\(Integer.self) out of range") }
        return value
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(CompactKeyedReader<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        CompactListReader(decoder: self, count: try readCount())
    }

    func singleValueContainer() -> any SingleValueDecodingContainer {
        CompactValueReader(decoder: self)
    }
}

private struct CompactKeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: CompactDecoder
    var codingPath: [any CodingKey] { [] }

    /// Keys are not stored, so a positional container cannot list them; dictionaries, the only values
    /// that ask, are decoded by `CompactDecodableDictionary` instead.
    var allKeys: [Key] { preconditionFailure("CompactCoding stores dictionaries only with Comparable keys") }
    func contains(_ key: Key) -> Bool { true }

    /// Asked only for an optional property: its tag.
    func decodeNil(forKey key: Key) throws -> Bool { try decoder.readByte() == 0 }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.readBool() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.readString() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { Double(bitPattern: try decoder.readBits(8)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(bitPattern: UInt32(try decoder.readBits(4))) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.read(signed: Int.self) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder.read(signed: Int8.self) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder.read(signed: Int16.self) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder.read(signed: Int32.self) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder.read(signed: Int64.self) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder.read(unsigned: UInt.self) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder.read(unsigned: UInt8.self) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder.read(unsigned: UInt16.self) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder.read(unsigned: UInt32.self) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder.read(unsigned: UInt64.self) }
    func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value { try decoder.decodeValue(Value.self) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        decoder.container(keyedBy: NestedKey.self)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try decoder.unkeyedContainer() }
    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder { decoder }
}

private struct CompactListReader: UnkeyedDecodingContainer {
    let decoder: CompactDecoder
    let listCount: Int
    var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var count: Int? { listCount }
    var isAtEnd: Bool { currentIndex >= listCount }

    init(decoder: CompactDecoder, count: Int) {
        self.decoder = decoder
        self.listCount = count
    }

    private mutating func next() throws {
        guard currentIndex < listCount else { throw decoder.failure("list read past its end") }
        currentIndex += 1
    }

    /// Optional elements carry their own tag, read by `decodeValue`; nothing else asks.
    mutating func decodeNil() throws -> Bool { false }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(); return try decoder.readBool() }
    mutating func decode(_ type: String.Type) throws -> String { try next(); return try decoder.readString() }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(); return Double(bitPattern: try decoder.readBits(8)) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(); return Float(bitPattern: UInt32(try decoder.readBits(4))) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(); return try decoder.read(signed: Int.self) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(); return try decoder.read(signed: Int8.self) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(); return try decoder.read(signed: Int16.self) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(); return try decoder.read(signed: Int32.self) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(); return try decoder.read(signed: Int64.self) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(); return try decoder.read(unsigned: UInt.self) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(); return try decoder.read(unsigned: UInt8.self) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(); return try decoder.read(unsigned: UInt16.self) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(); return try decoder.read(unsigned: UInt32.self) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(); return try decoder.read(unsigned: UInt64.self) }
    mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value { try next(); return try decoder.decodeValue(Value.self) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next()
        return decoder.container(keyedBy: NestedKey.self)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next()
        return try decoder.unkeyedContainer()
    }
    mutating func superDecoder() throws -> any Decoder {
        try next()
        return decoder
    }
}

private struct CompactValueReader: SingleValueDecodingContainer {
    let decoder: CompactDecoder
    var codingPath: [any CodingKey] { [] }

    /// Only an `Optional` asks, after `decodeValue` has read its tag and found a value.
    func decodeNil() -> Bool { false }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.readBool() }
    func decode(_ type: String.Type) throws -> String { try decoder.readString() }
    func decode(_ type: Double.Type) throws -> Double { Double(bitPattern: try decoder.readBits(8)) }
    func decode(_ type: Float.Type) throws -> Float { Float(bitPattern: UInt32(try decoder.readBits(4))) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.read(signed: Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.read(signed: Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.read(signed: Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.read(signed: Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.read(signed: Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.read(unsigned: UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.read(unsigned: UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.read(unsigned: UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.read(unsigned: UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.read(unsigned: UInt64.self) }
    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value { try decoder.decodeValue(Value.self) }
}
