package org.chokepoint.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.chokepoint.analysis.Backtests;
import org.chokepoint.model.Backtest;
import org.chokepoint.model.Fact;
import org.chokepoint.model.Observed;
import org.chokepoint.model.Scenario;

/**
 * Writes how a run compares with what was observed: {@code observed.csv} (one row per observation),
 * {@code fit.csv} (one row per series) and the {@code backtest} part of {@code summary.json}, with
 * the facts a back-test should not rest on and the calibrated ones.
 */
public final class BacktestWriter {

    private BacktestWriter() {}

    /** One row per observation: the observed value, the model's, their error. */
    public static void writeObserved(List<Backtests.Fit> fits, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write("series,metric,per,period,start,end,after_event,compare,unit,observed_raw,observed,model,model_p5,model_p95,"
                + "without_measures,error,abs_pct_error\n");
        for (Backtests.Fit f : fits) {
            Observed o = f.series();
            for (Backtests.Point p : f.points()) {
                w.write(String.join(",", o.id(), o.metric().key(), o.per().key(), o.per().label(p.start()), p.start().toString(),
                        o.per().next(p.start()).minusDays(1).toString(), Boolean.toString(p.afterEvent()), o.compare().key(),
                        csv(o.unit()), n(p.raw()), n(p.observed()), n(p.model()), n(p.low()), n(p.high()), n(p.baseline()),
                        n(p.error()), n(p.absolutePercentageError())));
                w.write('\n');
            }
        }
        w.flush();
    }

    /** One row per series: mean absolute percentage error after the event, onsets. */
    public static void writeFit(List<Backtests.Fit> fits, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write("series,name,subject,per,compare,unit,points,points_after_event,mape,mape_points,onset_threshold,onset_observed,onset_model,"
                + "onset_lag_days,mae,calibrated,note,sources\n");
        for (Backtests.Fit f : fits) {
            Observed o = f.series();
            w.write(String.join(",", o.id(), csv(o.name()), csv(o.subject()), o.per().key(), o.compare().key(), csv(o.unit()),
                    Integer.toString(f.points().size()), Long.toString(f.pointsAfterEvent()), n(f.mape()), Integer.toString(f.mapePoints()), n(o.onset()),
                    f.onsetObserved() == null ? "" : f.onsetObserved().toString(), f.onsetModel() == null ? "" : f.onsetModel().toString(),
                    f.onsetLagDays() == null ? "" : Long.toString(f.onsetLagDays()), n(f.mae()), Boolean.toString(o.calibrated()),
                    csv(f.note()),
                    csv(String.join("; ", o.sources()))));
            w.write('\n');
        }
        w.flush();
    }

    /** The {@code backtest} object of {@code summary.json}. */
    static void json(ObjectNode root, Scenario s, List<Backtests.Fit> fits) {
        ObjectNode b = root.putObject("backtest");
        b.put("event", Backtest.eventOf(s).toString());
        facts(b.putArray("late-facts"), Backtest.lateFacts(s));
        facts(b.putArray("calibrated"), Backtest.calibrated(s));
        b.put("undated-elements", Backtest.undated(s).size());
        ArrayNode series = b.putArray("series");
        for (Backtests.Fit f : fits) {
            ObjectNode o = series.addObject();
            o.put("id", f.series().id());
            o.put("subject", f.series().subject());
            o.put("per", f.series().per().key());
            o.put("compare", f.series().compare().key());
            o.put("points", f.points().size());
            o.put("points-after-event", f.pointsAfterEvent());
            if (Double.isNaN(f.mape())) {
                o.putNull("mape");
            } else {
                o.put("mape", f.mape());
            }
            o.put("mape-points", f.mapePoints());
            if (Double.isNaN(f.mae())) {
                o.putNull("mae");
            } else {
                o.put("mae", f.mae());
            }
            o.put("onset-observed", f.onsetObserved() == null ? null : f.onsetObserved().toString());
            o.put("onset-model", f.onsetModel() == null ? null : f.onsetModel().toString());
            if (f.onsetLagDays() != null) {
                o.put("onset-lag-days", f.onsetLagDays());
            }
            o.put("calibrated", f.series().calibrated());
            if (!f.note().isEmpty()) {
                o.put("note", f.note());
            }
        }
    }

    private static void facts(ArrayNode to, List<Fact> facts) {
        for (Fact f : facts) {
            ObjectNode o = to.addObject();
            o.put("element", f.element());
            o.put("as-of", f.asOf() == null ? null : f.asOf().toString());
            if (f.isCalibrated()) {
                o.put("calibrated", f.calibrated());
            }
            o.put("at", where(f));
        }
    }

    /** {@code FILE:LINE:COLUMN} of a fact. */
    public static String where(Fact f) {
        var p = f.where();
        return (p.file() == null ? "" : p.file()) + (p.line() > 0 ? ":" + p.line() + (p.column() > 0 ? ":" + p.column() : "") : "");
    }

    private static String n(double x) {
        return Double.isNaN(x) ? "" : ResultsWriter.number(x);
    }

    /** A CSV cell: quoted when it holds a comma, a quote or a line break. */
    public static String csvCell(String s) {
        return csv(s);
    }

    static String csv(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
