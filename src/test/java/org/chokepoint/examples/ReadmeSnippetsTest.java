package org.chokepoint.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java snippet in the README compiles and runs as written: its imports at the top, its
 * statements run in order (each on its own line, as jshell takes them), against the build's
 * classes. A snippet that names a class without its import, or a chain split over lines, fails here.
 */
class ReadmeSnippetsTest {

    @TempDir
    Path dir;

    static List<String> snippets() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyJavaSnippetInTheReadmeCompilesAndRunsAsWritten() throws Exception {
        List<String> snippets = snippets();
        assertThat(snippets).as("the README shows Java").hasSizeGreaterThanOrEqualTo(2);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        for (int i = 0; i < snippets.size(); i++) {
            StringBuilder imports = new StringBuilder();
            StringBuilder body = new StringBuilder();
            for (String line : snippets.get(i).split("\\n")) {
                if (line.startsWith("import ")) {
                    imports.append(line).append('\n');
                } else if (!line.isBlank()) {
                    // jshell runs a line as soon as it is a whole statement: each line must be one
                    assertThat(line.strip()).as("snippet %d: %s", i, line).matches("^(for|if) .*|.*;$");
                    body.append("        ").append(line).append('\n');
                }
            }
            String name = "Snippet" + i;
            Path src = dir.resolve(name + ".java");
            Files.writeString(src, imports + "public class " + name + " {\n    public static void main(String[] args) throws Exception {\n"
                    + body + "    }\n}\n");
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int code = javac.run(null, null, errors, "-classpath", System.getProperty("java.class.path"), "-d", dir.toString(),
                    src.toString());
            assertThat(code).as("snippet %d compiles:%n%s", i, errors.toString(StandardCharsets.UTF_8)).isZero();
            PrintStream old = System.out;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
                Method main = loader.loadClass(name).getMethod("main", String[].class);
                main.invoke(null, (Object) new String[0]);
            } finally {
                System.setOut(old);
            }
            assertThat(out.toString(StandardCharsets.UTF_8)).as("snippet %d prints", i).isNotBlank();
        }
    }
}
