package dev.wasm4j.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a guest path relative to a directory descriptor without ever leaving it. The path is walked one
 * component at a time: {@code .} is skipped, {@code ..} pops a component and is refused (ENOTCAPABLE) at the
 * directory itself, every component is looked at without following links, and a symbolic link is replaced
 * by its target's components (an absolute target is refused), so a link, even one the guest made itself,
 * can never point the walk outside. The result is a host path with no symbolic link in it, except possibly
 * its last component when the caller asked not to follow it; callers then operate with NOFOLLOW_LINKS.
 */
final class Sandbox {
    /** Symbolic links followed in one resolution before ELOOP (Linux's limit). */
    static final int MAX_LINKS = 40;
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private Sandbox() {
    }

    /**
     * A resolved path. {@code host} is null-free; {@code attrs} are its attributes without following a final
     * link (null when it does not exist); {@code dirRequired} when the guest wrote a trailing slash.
     */
    record Resolved(Path host, BasicFileAttributes attrs, boolean dirRequired, boolean isRoot) {
        boolean exists() {
            return attrs != null;
        }

        boolean isDirectory() {
            return attrs != null && attrs.isDirectory();
        }

        boolean isSymlink() {
            return attrs != null && attrs.isSymbolicLink();
        }
    }

    static Resolved resolve(Fd.DirFd dir, String path, boolean followFinal) throws IOException {
        if (path.isEmpty()) {
            throw WasiError.of(Errno.NOENT);
        }
        if (path.startsWith("/")) {
            throw WasiError.of(Errno.NOTCAPABLE);
        }
        boolean dirRequired = path.endsWith("/");
        Deque<String> pending = new ArrayDeque<>(components(path));
        List<String> stack = new ArrayList<>();
        int links = 0;
        BasicFileAttributes attrs = attributes(dir.root);
        while (!pending.isEmpty()) {
            String c = pending.pollFirst();
            boolean last = pending.isEmpty();
            if (attrs == null || !attrs.isDirectory()) {
                // the previous component does not exist or is not a directory
                throw WasiError.of(attrs == null ? Errno.NOENT : Errno.NOTDIR);
            }
            if (c.equals(".")) {
                if (last) {
                    attrs = attributes(at(dir.root, stack));
                }
                continue;
            }
            if (c.equals("..")) {
                if (stack.isEmpty()) {
                    throw WasiError.of(Errno.NOTCAPABLE);
                }
                stack.removeLast();
                if (last) {
                    attrs = attributes(at(dir.root, stack));
                }
                continue;
            }
            Path p = at(dir.root, stack).resolve(c);
            attrs = attributes(p);
            if (attrs != null && attrs.isSymbolicLink() && (!last || followFinal || dirRequired)) {
                if (++links > MAX_LINKS) {
                    throw WasiError.of(Errno.LOOP);
                }
                String target = Files.readSymbolicLink(p).toString();
                if (target.startsWith("/")) {
                    throw WasiError.of(Errno.NOTCAPABLE);
                }
                List<String> parts = components(target);
                for (int i = parts.size() - 1; i >= 0; i--) {
                    pending.addFirst(parts.get(i));
                }
                if (parts.isEmpty()) {
                    throw WasiError.of(Errno.NOENT);
                }
                attrs = attributes(at(dir.root, stack));
                continue;
            }
            stack.add(c);
        }
        if (dirRequired && attrs != null && !attrs.isDirectory()) {
            throw WasiError.of(Errno.NOTDIR);
        }
        return new Resolved(at(dir.root, stack), attrs, dirRequired, stack.isEmpty());
    }

    private static Path at(Path root, List<String> stack) {
        Path p = root;
        for (String s : stack) {
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

    /** Attributes without following links, or null when nothing is there. */
    static BasicFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
