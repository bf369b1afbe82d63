package org.chokepoint.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.IntConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with rate and ETA on a terminal; off a terminal (scripts, CI, redirected output)
 * a line on standard error every {@link #LOG_EVERY} at most, with the count, the rate and the
 * time left. Work already done before the start (points kept by {@code --resume}) counts toward
 * the total but not toward the rate.
 */
final class Progress implements AutoCloseable, IntConsumer {

    /** The least time between two lines off a terminal. */
    static Duration LOG_EVERY = Duration.ofSeconds(10);

    private final String task;
    private final long total;
    private final long already;
    private final ProgressBar bar;
    private final PrintStream log;
    private final long started = System.nanoTime();
    private long lastLine = started;
    private long done;
    private boolean logged;

    Progress(String task, long total) {
        this(task, total, 0);
    }

    Progress(String task, long total, long already) {
        this(task, total, already, System.console() != null, System.err);
    }

    Progress(String task, long total, long already, boolean terminal, PrintStream log) {
        this.task = task;
        this.total = total;
        this.already = already;
        this.done = already;
        this.bar = terminal ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total).startsFrom(already, Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed().build() : null;
        this.log = terminal ? null : log;
    }

    @Override
    public synchronized void accept(int now) {
        done = now;
        if (bar != null) {
            bar.stepTo(now);
            return;
        }
        long t = System.nanoTime();
        if (t - lastLine >= LOG_EVERY.toNanos() && now < total) {
            lastLine = t;
            logged = true;
            log.println(line(t));
        }
    }

    /** {@code runs: 120 of 500 (24%), 31.0 a second, about 12 s left}. */
    private String line(long t) {
        double seconds = Math.max(1e-9, (t - started) / 1e9);
        double rate = (done - already) / seconds;
        String left = rate > 0 ? ", about " + duration((total - done) / rate) + " left" : "";
        return String.format(Locale.ROOT, "%s: %,d of %,d (%.0f%%), %.1f a second%s", task, done, total, 100.0 * done / total, rate,
                left);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 120 ? s + " s" : s < 7200 ? Math.round(s / 60.0) + " min" : String.format(Locale.ROOT, "%.1f h", s / 3600.0);
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        } else if (logged) {
            log.println(String.format(Locale.ROOT, "%s: %,d of %,d done in %s", task, done, total,
                    duration((System.nanoTime() - started) / 1e9)));
        }
    }
}
