package dev.wasm4j.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a guest path relative to a directory descriptor without ever leaving it.
 *
 * <p>The walk holds the directory descriptor's open directory and opens each intermediate directory
 * relative to the previous one ({@code openat} with {@code O_NOFOLLOW}, through
 * {@link SecureDirectoryStream}). {@code .} is skipped, {@code ..} closes the innermost directory and is
 * refused (ENOTCAPABLE) at the descriptor's own directory, every component is looked at without following
 * links, and a symbolic link is replaced by its target's components (an absolute target is refused), so a
 * link, even one the guest made itself, can never lead the walk outside. Because the walk holds open
 * directories rather than path strings, a directory renamed or replaced by a link after it was checked does
 * not redirect the operation: opening, removing, renaming, stat and setting times of the last component run
 * relative to the directory the walk holds.
 */
final class Sandbox {
    /** Symbolic links followed in one resolution before ELOOP (Linux's limit). */
    static final int MAX_LINKS = 40;
    static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    /** Test hook run after a walk, before the operation (to stage races); null in production. */
    static volatile Runnable afterWalk;

    private Sandbox() {
    }

    /**
     * A resolved path: the open directory {@code dir} that holds the last component {@code name}, or, when
     * the path ends in {@code .} or {@code ..} (or is "."), {@code name} is null and {@code dir} is the
     * directory the path names. {@code attrs} are the last component's attributes without following it (null
     * when it does not exist). {@code host} is the host path, used only by the few operations that Java
     * cannot do relative to an open directory. Closing closes the directories the walk opened.
     */
    static final class Resolved implements AutoCloseable {
        final SecureDirectoryStream<Path> dir;
        final Path name;
        final BasicFileAttributes attrs;
        final boolean dirRequired;
        /** The path names the descriptor's own directory. */
        final boolean isBase;
        final Path host;
        private final List<SecureDirectoryStream<Path>> opened;

        Resolved(SecureDirectoryStream<Path> dir, Path name, BasicFileAttributes attrs, boolean dirRequired,
                 boolean isBase, Path host, List<SecureDirectoryStream<Path>> opened) {
            this.dir = dir;
            this.name = name;
            this.attrs = attrs;
            this.dirRequired = dirRequired;
            this.isBase = isBase;
            this.host = host;
            this.opened = opened;
        }

        boolean exists() {
            return attrs != null;
        }

        boolean isDirectory() {
            return attrs != null && attrs.isDirectory();
        }

        boolean isSymlink() {
            return attrs != null && attrs.isSymbolicLink();
        }

        /** The attribute view of what the path names (not following a last link). */
        BasicFileAttributeView view() {
            return name == null ? dir.getFileAttributeView(BasicFileAttributeView.class)
                    : dir.getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW);
        }

        @Override
        public void close() {
            closeAll(opened);
        }
    }

    static Resolved resolve(Fd.DirFd base, String path, boolean followFinal) throws IOException {
        if (path.isEmpty()) {
            throw WasiError.of(Errno.NOENT);
        }
        if (path.startsWith("/")) {
            throw WasiError.of(Errno.NOTCAPABLE);
        }
        boolean dirRequired = path.endsWith("/");
        Deque<String> pending = new ArrayDeque<>(components(path));
        List<SecureDirectoryStream<Path>> stack = new ArrayList<>();
        stack.add(base.stream);
        List<String> names = new ArrayList<>();
        int links = 0;
        try {
            String last = null;
            BasicFileAttributes attrs = null;
            while (!pending.isEmpty()) {
                String c = pending.pollFirst();
                boolean isLast = pending.isEmpty();
                last = null;
                if (c.equals(".")) {
                    continue;
                }
                if (c.equals("..")) {
                    if (stack.size() == 1) {
                        throw WasiError.of(Errno.NOTCAPABLE);
                    }
                    stack.removeLast().close();
                    names.removeLast();
                    continue;
                }
                SecureDirectoryStream<Path> top = stack.getLast();
                attrs = attributes(top, Path.of(c));
                if (attrs != null && attrs.isSymbolicLink() && (!isLast || followFinal || dirRequired)) {
                    if (++links > MAX_LINKS) {
                        throw WasiError.of(Errno.LOOP);
                    }
                    // Java reads links by path only; the text read cannot lead the walk anywhere the open
                    // directories do not allow, whatever happens to the path meanwhile
                    String target = Files.readSymbolicLink(host(base, names).resolve(c)).toString();
                    if (target.startsWith("/")) {
                        throw WasiError.of(Errno.NOTCAPABLE);
                    }
                    List<String> parts = components(target);
                    if (parts.isEmpty()) {
                        throw WasiError.of(Errno.NOENT);
                    }
                    for (int i = parts.size() - 1; i >= 0; i--) {
                        pending.addFirst(parts.get(i));
                    }
                    continue;
                }
                if (isLast) {
                    last = c;
                    break;
                }
                if (attrs == null) {
                    throw WasiError.of(Errno.NOENT);
                }
                if (!attrs.isDirectory()) {
                    throw WasiError.of(Errno.NOTDIR);
                }
                stack.add(top.newDirectoryStream(Path.of(c), NOFOLLOW));
                names.add(c);
            }
            SecureDirectoryStream<Path> dir = stack.getLast();
            Resolved r;
            if (last == null) {
                BasicFileAttributes self = dir.getFileAttributeView(BasicFileAttributeView.class).readAttributes();
                r = new Resolved(dir, null, self, dirRequired, stack.size() == 1, host(base, names),
                        stack.subList(1, stack.size()));
            } else {
                if (dirRequired && attrs != null && !attrs.isDirectory()) {
                    throw WasiError.of(Errno.NOTDIR);
                }
                r = new Resolved(dir, Path.of(last), attrs, dirRequired, false, host(base, names).resolve(last),
                        stack.subList(1, stack.size()));
            }
            Runnable hook = afterWalk;
            if (hook != null) {
                hook.run();
            }
            return r;
        } catch (IOException | RuntimeException e) {
            closeAll(stack.subList(1, stack.size()));
            throw e;
        }
    }

    private static Path host(Fd.DirFd base, List<String> names) {
        Path p = base.root;
        for (String s : names) {
            p = p.resolve(s);
        }
        return p;
    }

    private static List<String> components(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** Attributes of {@code name} in {@code dir} without following links, or null when nothing is there. */
    static BasicFileAttributes attributes(SecureDirectoryStream<Path> dir, Path name) throws IOException {
        try {
            return dir.getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW).readAttributes();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static void closeAll(List<SecureDirectoryStream<Path>> streams) {
        for (SecureDirectoryStream<Path> s : streams) {
            try {
                s.close();
            } catch (IOException ignored) {
                // a directory stream that fails to close has nothing left to tell
            }
        }
    }
}
