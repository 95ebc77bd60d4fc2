/// A calendar date known to the year, the month or the day, as reports give them.
public struct PartialDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1900...2200).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            guard let month, (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard (1...3).contains(parts.count), parts.allSatisfy({ $0 != nil }) else { return nil }
        self.init(year: parts[0]!, month: parts.count > 1 ? parts[1] : nil, day: parts.count > 2 ? parts[2] : nil)
    }

    /// ISO 8601 to the precision known: `2007`, `2006-02` or `2007-11-26`.
    public var iso: String {
        var text = padded(year, to: 4)
        if let month { text += "-" + padded(month, to: 2) }
        if let day { text += "-" + padded(day, to: 2) }
        return text
    }

    /// "26 November 2007", "February 2006" or "2004".
    public var display: String {
        var parts: [String] = []
        if let day { parts.append(String(day)) }
        if let month { parts.append(Self.monthNames[month - 1]) }
        parts.append(String(year))
        return parts.joined(separator: " ")
    }

    public var description: String { iso }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    public static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// The month numbered 1–12 whose English name or three-letter abbreviation is `name`, in any case.
    public static func month(named name: some StringProtocol) -> Int? {
        let lower = name.lowercased()
        guard lower.count >= 3 else { return nil }
        return monthNames.firstIndex { month in
            let full = month.lowercased()
            return full == lower || (lower.count == 3 && full.hasPrefix(lower)) || (lower == "sept" && full == "september")
        }.map { $0 + 1 }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Zero-padded decimal digits, independent of locale.
func padded(_ value: Int, to width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
