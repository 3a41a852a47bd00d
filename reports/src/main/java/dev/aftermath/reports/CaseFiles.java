package dev.aftermath.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The case folder as the reports read it: every input file with its size and SHA-256 (the legal
 * report's lineage) and the text of one file ({@code facts.yaml}). A folder on local disk is read
 * here ({@link #local}); a run whose case is on another file system passes a reading of its own.
 */
public interface CaseFiles {
  /** One file of the case: its name relative to the case folder, its size and its SHA-256. */
  record InputFile(String path, long bytes, String sha256) {}

  /**
   * Every file of the case, sorted by name; names starting with "." or "_" (checksums and markers
   * of the tools that made the case) left out.
   */
  List<InputFile> files();

  /** The text of the case file {@code name} (relative to the case folder), if there is one. */
  Optional<String> text(String name);

  /** No case folder known: no files. */
  static CaseFiles none() {
    return new CaseFiles() {
      @Override
      public List<InputFile> files() {
        return List.of();
      }

      @Override
      public Optional<String> text(String name) {
        return Optional.empty();
      }
    };
  }

  /** The case folder {@code casePath} on local disk (none when null or not a folder). */
  static CaseFiles local(String casePath) {
    if (casePath == null || !Files.isDirectory(Path.of(casePath))) {
      return none();
    }
    Path root = Path.of(casePath);
    return new CaseFiles() {
      private List<InputFile> listed;

      @Override
      public synchronized List<InputFile> files() {
        if (listed == null) {
          listed = List.copyOf(list());
        }
        return listed;
      }

      private List<InputFile> list() {
        List<InputFile> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
          for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
            if (!hidden(p.getFileName().toString())) {
              try (InputStream in = Files.newInputStream(p)) {
                out.add(new InputFile(root.relativize(p).toString(), Files.size(p), sha256(in)));
              }
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list the case folder " + casePath, e);
        }
        return out;
      }

      @Override
      public Optional<String> text(String name) {
        Path file = root.resolve(name);
        if (!Files.isRegularFile(file)) {
          return Optional.empty();
        }
        try {
          return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + file, e);
        }
      }
    };
  }

  /** Whether a file of that name is left out of the lineage. */
  static boolean hidden(String fileName) {
    return fileName.startsWith(".") || fileName.startsWith("_");
  }

  /** The SHA-256 of a stream's bytes, in hex. */
  static String sha256(InputStream stream) throws IOException {
    try (DigestInputStream in =
        new DigestInputStream(stream, MessageDigest.getInstance("SHA-256"))) {
      byte[] buf = new byte[1 << 16];
      while (in.read(buf) >= 0) {
        // the digest reads as it goes
      }
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
