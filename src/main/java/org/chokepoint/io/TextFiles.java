package org.chokepoint.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.chokepoint.model.InvalidInputException;
import org.chokepoint.model.Problem;

/**
 * Opens input text files as people have them: UTF-8 with or without Excel's byte-order mark. A
 * file in another encoding (UTF-16 or UTF-32, with or without a mark), bytes that are not UTF-8,
 * or something that is not a regular file (a FIFO, a device, a folder) is refused with a problem
 * that says so, instead of an obscure decoding error or a read that never ends.
 */
final class TextFiles {

    private TextFiles() {}

    static final String SAVE_AS_UTF8 = "Save the file as UTF-8 (in Excel: CSV UTF-8; in most editors: Save with encoding, UTF-8).";

    /** Refuses anything but a regular file, before it is opened (opening a FIFO would block). */
    static void requireRegular(Path file, String shown) {
        if (Files.isRegularFile(file)) {
            return;
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
            return; // the caller's open reports it as not found
        }
        String what = Files.isDirectory(file) ? "a folder" : "not a regular file (a pipe, a device or a socket)";
        throw new InvalidInputException(Problem.at("", shown + " is " + what,
                "Name a .yaml, .yml or .json file, or a folder of CSV tables."));
    }

    /** A UTF-8 reader over the file, past a UTF-8 byte-order mark if there is one. */
    static Reader open(Path file, String shown) throws IOException {
        requireRegular(file, shown);
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        try {
            in.mark(4);
            byte[] head = in.readNBytes(4);
            in.reset();
            String other = otherEncoding(head);
            if (other != null) {
                throw new InvalidInputException(new Problem(shown, 1, 1, "", "the file is " + other + ", not UTF-8", SAVE_AS_UTF8));
            }
            if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                in.skipNBytes(3);
            }
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            return new BufferedReader(new InputStreamReader(in, utf8), 1 << 16);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The encoding the first bytes show, when it is not UTF-8; null for UTF-8 (or plain ASCII). */
    static String otherEncoding(byte[] h) {
        int b0 = h.length > 0 ? h[0] & 0xFF : -1;
        int b1 = h.length > 1 ? h[1] & 0xFF : -1;
        int b2 = h.length > 2 ? h[2] & 0xFF : -1;
        int b3 = h.length > 3 ? h[3] & 0xFF : -1;
        if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0 || b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) {
            return "UTF-32 encoded";
        }
        if (b0 == 0xFF && b1 == 0xFE || b0 == 0xFE && b1 == 0xFF) {
            return "UTF-16 encoded";
        }
        if (h.length >= 2 && (b0 == 0) != (b1 == 0)) {
            return "UTF-16 encoded (no byte-order mark)";
        }
        return null;
    }

    /**
     * The problem for a file whose bytes are not UTF-8: where the first bad byte is, by line and
     * column, found by decoding the file again.
     */
    static Problem notUtf8(Path file, String shown) {
        int line = 1;
        int column = 1;
        try (InputStream in = Files.newInputStream(file)) {
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
            CharBuffer chars = CharBuffer.allocate(1 << 16);
            boolean eof = false;
            while (!eof) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                eof = n < 0;
                if (n > 0) {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                CoderResult r = utf8.decode(bytes, chars, eof);
                chars.flip();
                for (int i = 0; i < chars.length(); i++) {
                    if (chars.charAt(i) == '\n') {
                        line++;
                        column = 1;
                    } else {
                        column++;
                    }
                }
                chars.clear();
                if (r.isError()) {
                    break;
                }
                bytes.compact();
            }
        } catch (IOException e) {
            line = 0;
            column = 0;
        }
        return new Problem(shown, line, column, "", "the file is not UTF-8 text: a byte here is not UTF-8 (Latin-1 or"
                + " Windows-1252, perhaps)", SAVE_AS_UTF8);
    }
}
