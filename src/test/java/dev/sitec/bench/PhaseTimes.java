package dev.sitec.bench;

import dev.sitec.SiteCompiler;
import dev.sitec.load.SiteLoader;
import dev.sitec.load.SourceDocument;
import dev.sitec.model.ModelBuilder;
import dev.sitec.model.Site;
import dev.sitec.plan.PlannedFile;
import dev.sitec.render.RenderedFile;
import dev.sitec.validate.SchemaValidator;
import dev.sitec.validate.SemanticValidator;
import dev.sitec.write.OutputWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * One cold pass through the pipeline, timing each phase: where a single `sitec generate` spends
 * its time (JMH measures the warm steady state). Usage: {@code PhaseTimes SITE.yaml OUT_DIR}.
 */
public final class PhaseTimes {

    private PhaseTimes() {
    }

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]);
        long t0 = System.nanoTime();
        SourceDocument doc = new SiteLoader().load(site, "site.yaml");
        long t1 = System.nanoTime();
        SchemaValidator schema = new SchemaValidator();
        long t2 = System.nanoTime();
        if (!schema.validate(doc).isEmpty()) {
            throw new IllegalStateException("invalid site");
        }
        long t3 = System.nanoTime();
        Site model = new ModelBuilder().build(doc);
        long t4 = System.nanoTime();
        new SemanticValidator().validate(model, doc.sources());
        long t5 = System.nanoTime();
        List<PlannedFile> plan = new SiteCompiler().plan(model);
        long t6 = System.nanoTime();
        List<RenderedFile> files = SiteCompiler.render(plan, doc.text());
        long t7 = System.nanoTime();
        new OutputWriter().write(Path.of(args[1]), files);
        long t8 = System.nanoTime();
        System.out.printf("load %d ms, schema setup %d ms, schema %d ms, model %d ms, rules %d ms, plan %d ms, render %d ms (%d files), write %d ms%n",
                ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t5 - t4), ms(t6 - t5), ms(t7 - t6), files.size(), ms(t8 - t7));
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
