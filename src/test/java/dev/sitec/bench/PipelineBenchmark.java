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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pipeline's phases in process, warm (JMH), on a synthetic site of {@code vms} VMs over 50
 * nodes with 10 Raspberry Pis. Run with bench/run --jmh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PipelineBenchmark {

    @Param({"100", "1000"})
    public int vms;

    private String yaml;
    private SourceDocument document;
    private SchemaValidator schema;
    private Site site;
    private List<PlannedFile> plan;
    private List<RenderedFile> files;
    private Path output;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        yaml = SyntheticSite.yaml(vms, 50, 10);
        document = new SiteLoader().parse(yaml, "site.yaml");
        schema = new SchemaValidator();
        site = new ModelBuilder().build(document);
        plan = new SiteCompiler().plan(site);
        files = SiteCompiler.render(plan, yaml);
        output = Files.createTempDirectory("sitec-bench-").resolve("generated");
        new OutputWriter().write(output, files);
    }

    @Benchmark
    public SourceDocument load() throws Exception {
        return new SiteLoader().parse(yaml, "site.yaml");
    }

    @Benchmark
    public Object validateSchema() {
        return schema.validate(document);
    }

    @Benchmark
    public Site model() {
        return new ModelBuilder().build(document);
    }

    @Benchmark
    public Object validateRules() {
        return new SemanticValidator().validate(site, document.sources());
    }

    @Benchmark
    public List<PlannedFile> planFiles() {
        return new SiteCompiler().plan(site);
    }

    @Benchmark
    public List<RenderedFile> render() {
        return SiteCompiler.render(plan, yaml);
    }

    /** Regenerating an unchanged tree: every file compared, none written. */
    @Benchmark
    public Object writeUnchanged() throws Exception {
        return new OutputWriter().write(output, files);
    }
}
