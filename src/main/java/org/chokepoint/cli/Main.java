package org.chokepoint.cli;

import java.io.PrintWriter;
import org.chokepoint.api.Chokepoint;
import org.chokepoint.model.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code chokepoint} command. */
@Command(name = "chokepoint",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Supply-chain impact simulator for export controls and retaliation.",
        subcommands = {RunCommand.class, SweepCommand.class, SensitivityCommand.class, ExplainCommand.class, ExposureCommand.class, ValidateCommand.class, GraphCommand.class, GenerateCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            PrintWriter err = new PrintWriter(System.err, true);
            outOfMemory(err);
            code = INTERNAL_ERROR;
        }
        System.exit(code);
    }

    /**
     * Estimates refuse what cannot fit before the work starts; this is for what they missed. Output
     * folders are untouched: outputs are moved into place only when all are written.
     */
    private static void outOfMemory(PrintWriter err) {
        err.println("chokepoint: ran out of memory (this Java may use "
                + org.chokepoint.engine.MemoryEstimate.gib(Runtime.getRuntime().maxMemory()) + "); no output was changed");
        err.println("    Give it more, e.g. JAVA_OPTS=-Xmx8g ./chokepoint ..., and please report the input: its"
                + " memory should have been estimated and refused before the work began.");
        err.flush();
    }

    /** Where sweeps run their points: here unless a caller of {@link #execute} names another executor. */
    private static final ThreadLocal<org.chokepoint.analysis.Sweep.Executor> SWEEP_EXECUTOR =
            ThreadLocal.withInitial(() -> org.chokepoint.analysis.Sweep.HERE);

    /**
     * Runs a command line as {@link #main} does, but returns the exit code, and runs the points of
     * {@code sweep} on {@code executor} (e.g. a Spark cluster's): reading, checks, outputs and
     * resuming stay exactly those of the command.
     */
    public static int execute(String[] args, org.chokepoint.analysis.Sweep.Executor executor) {
        return execute(args, executor, null);
    }

    /**
     * {@link #execute(String[], org.chokepoint.analysis.Sweep.Executor)}, and the evaluations of
     * {@code sensitivity} run by {@code evaluator} (null: here).
     */
    public static int execute(String[] args, org.chokepoint.analysis.Sweep.Executor executor,
                              org.chokepoint.analysis.Sensitivity.Evaluator evaluator) {
        SWEEP_EXECUTOR.set(executor);
        SENSITIVITY_EVALUATOR.set(evaluator);
        try {
            return commandLine().execute(args);
        } finally {
            SWEEP_EXECUTOR.remove();
            SENSITIVITY_EVALUATOR.remove();
        }
    }

    private static final ThreadLocal<org.chokepoint.analysis.Sensitivity.Evaluator> SENSITIVITY_EVALUATOR = new ThreadLocal<>();

    /** Where sensitivity runs its evaluations: a caller's evaluator, else here on {@code threads} threads. */
    static org.chokepoint.analysis.Sensitivity.Evaluator sensitivityEvaluator(int threads) {
        org.chokepoint.analysis.Sensitivity.Evaluator e = SENSITIVITY_EVALUATOR.get();
        return e != null ? e : org.chokepoint.analysis.Sensitivity.here(threads);
    }

    static org.chokepoint.analysis.Sweep.Executor sweepExecutor() {
        return SWEEP_EXECUTOR.get();
    }

    /** The configured command line, for tests and embedding. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? BAD_INPUT : INTERNAL_ERROR);
        return cl;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof InvalidInputException bad) {
            err.println(bad.getMessage());
            int n = bad.problems().size();
            err.println(n == 1 ? "1 problem found." : n + " problems found.");
            err.flush();
            return BAD_INPUT;
        }
        if (e instanceof org.chokepoint.io.OutputException bad) {
            err.println("chokepoint: " + bad.getMessage());
            if (!bad.advice().isEmpty()) {
                err.println("    " + bad.advice());
            }
            err.flush();
            return BAD_INPUT;
        }
        if (e instanceof org.chokepoint.analysis.Sweep.PointsFailed failed) {
            err.println("chokepoint: " + failed.getMessage());
            err.println("    " + failed.advice());
            err.flush();
            return INTERNAL_ERROR;
        }
        if (e instanceof UsageException) {
            err.println("chokepoint: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                outOfMemory(err);
                return INTERNAL_ERROR;
            }
            if (c instanceof org.chokepoint.engine.NumericalFailure f) {
                err.println("chokepoint: the simulation went wrong numerically: " + f.getMessage() + "; nothing was written");
                err.println("    The stability check (docs/model.md, Stability) should have refused this scenario: please"
                        + " report it. A longer behaviour.restoration-time or less stock cover usually avoids it.");
                err.flush();
                return INTERNAL_ERROR;
            }
        }
        err.println("chokepoint: internal error: " + e);
        if (System.getenv("CHOKEPOINT_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("Set CHOKEPOINT_DEBUG=1 to see the stack trace, and please report it.");
        }
        err.flush();
        return INTERNAL_ERROR;
    }

    /** A problem with how the command was called that picocli cannot see (e.g. an unusable output path). */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"chokepoint " + Chokepoint.version(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
