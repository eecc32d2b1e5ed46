#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program to completion with its output thrown away and returns its wall time in
/// seconds and its exit status. posix_spawn and waitpid, so the figure is the child's own time:
/// Foundation's `Process.waitUntilExit` polls a run loop and adds tens of milliseconds.
func timedSpawn(_ program: String, _ arguments: [String]) -> (seconds: Double, status: Int32)? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid = pid_t()
    let start = monotonicSeconds()
    // posix_spawnp looks the program up on PATH when it has no slash (wc).
    guard posix_spawnp(&pid, program, &actions, nil, argv, environ) == 0 else { return nil }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 {
        guard errno == EINTR else { return nil }
    }
    let elapsed = monotonicSeconds() - start
    // WIFEXITED/WEXITSTATUS are macros Swift does not import.
    let exited = status & 0x7F == 0
    return (elapsed, exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F))
}

func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}
