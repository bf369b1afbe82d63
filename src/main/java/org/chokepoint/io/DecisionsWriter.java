package org.chokepoint.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.chokepoint.policy.Decision;

/** Policy decisions as JSON, for {@code chokepoint explain --format json}. */
public final class DecisionsWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private DecisionsWriter() {}

    public static void json(List<Decision> decisions, OutputStream out) throws IOException {
        ArrayNode root = JSON.createArrayNode();
        for (Decision d : decisions) {
            ObjectNode o = root.addObject();
            o.put("measure", d.measure());
            o.put("effect", d.effect().key());
            o.put("link", d.linkName());
            if (d.demand() >= 0) {
                o.put("demand", d.demand()); // a final demand entry (file order): sales to end buyers, or their buyers
            }
            o.put("item", d.item());
            o.put("from", d.from().toString());
            if (d.to() == null) {
                o.putNull("to");
            } else {
                o.put("to", d.to().toString());
            }
            o.put("summary", d.effectText());
            if (d.license() != null) {
                ObjectNode l = o.putObject("license");
                l.put("policy", d.license().kind().key());
                l.put("approval", d.license().approval());
                l.put("review", d.license().review().toString());
                l.put("approved-share", d.license().approvedShare());
                l.put("leakage", d.license().leakage());
                l.put("leakage-premium", d.license().leakagePremium());
                l.put("shipment-delay", d.license().shipmentDelay().toString());
                if (!d.license().approvalPath().isEmpty()) {
                    ObjectNode path = l.putObject("approval-path");
                    d.license().approvalPath().forEach((day, p) -> path.put(day.toString(), p));
                }
                if (d.license().reviewVaries()) {
                    l.put("review-min", d.license().reviewMin().toString());
                    l.put("review-max", d.license().reviewMax().toString());
                }
                if (d.license().attempts() > 1) {
                    l.put("attempts", d.license().attempts());
                    l.put("reapply-delay", d.license().reapplyDelay().toString());
                }
            }
            if (d.condition() != null) {
                o.put("condition", d.condition());
            }
            ArrayNode trace = o.putArray("trace");
            d.trace().forEach(trace::add);
        }
        JSON.writeValue(out, root);
        out.write('\n');
    }
}
