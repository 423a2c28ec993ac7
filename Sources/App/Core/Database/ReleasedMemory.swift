#if canImport(Glibc)
    import Glibc
#endif

/// Hands the memory a large piece of work freed back to the system. glibc's allocator keeps the
/// pages a burst once took: a city's tally reads and decodes a few hundred megabytes for a moment,
/// and without this the process stays that size after the burst is over. `malloc_trim` returns
/// every whole free page of every arena; it takes a few milliseconds and is called only after
/// such a burst, never per request. Elsewhere (macOS) the allocator returns pages itself.
enum ReleasedMemory {
    #if canImport(Glibc)
        /// `malloc_trim` is declared in malloc.h, which the Glibc module does not carry: found once
        /// among the process's symbols.
        private static let trim: (@convention(c) (Int) -> Int32)? = {
            guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "malloc_trim") else { return nil }
            return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        }()
    #endif

    static func giveBack() {
        #if canImport(Glibc)
            _ = trim?(0)
        #endif
    }
}
