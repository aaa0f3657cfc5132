package io.datagraph.spec;

import io.datagraph.Emitter;
import io.datagraph.IO;
import io.datagraph.Input;
import io.datagraph.Processor;
import io.datagraph.engine.processor.ProcessorExtension;
import io.datagraph.testing.DeploymentFailure;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.datagraph.testing.DeploymentFailure.assertMentions;

/** A processor whose method does not match its declaration fails the CDI deployment, saying where. */
class ProcessorDeploymentTest {

    private static String deploymentFailure(Class<?> bean) {
        return DeploymentFailure.of(new Weld().disableDiscovery().addBeanClass(bean).addExtension(new ProcessorExtension()));
    }

    @ApplicationScoped
    public static class UndeclaredParameter {
        @Processor(name = "undeclared", inputs = "a", outputs = "b")
        public void run(IO<Integer> a, Emitter<Integer> c) {
        }
    }

    @Test
    void parameterNamedForAnUndeclaredOutputFailsNamingIt() {
        assertMentions(deploymentFailure(UndeclaredParameter.class), "'undeclared'", "'c'");
    }

    @ApplicationScoped
    public static class MissingParameter {
        @Processor(name = "missing", inputs = {"a", "extra"}, outputs = "b")
        public void run(IO<Integer> a, Emitter<Integer> b) {
        }
    }

    @Test
    void declaredInputWithoutParameterFailsNamingIt() {
        assertMentions(deploymentFailure(MissingParameter.class), "'missing'", "extra");
    }

    @ApplicationScoped
    public static class WrongParameterType {
        @Processor(name = "wrongType", inputs = "a")
        public void run(IO<Integer> a, List<Integer> sink) {
        }
    }

    @Test
    void parameterThatIsNeitherIoNorEmitterFailsNamingIt() {
        assertMentions(deploymentFailure(WrongParameterType.class), "'wrongType'", "'sink'", "IO<T>");
    }

    @ApplicationScoped
    public static class RawIo {
        @Processor(name = "raw", inputs = "a")
        @SuppressWarnings("rawtypes")
        public void run(IO a) {
        }
    }

    @Test
    void ioWithoutElementTypeFailsNamingIt() {
        assertMentions(deploymentFailure(RawIo.class), "'raw'", "'a'", "element type");
    }

    @ApplicationScoped
    public static class InputAnnotatedAsOutput {
        @Processor(name = "mixedUp", inputs = "a", outputs = "b")
        public void run(@io.datagraph.Output("a") IO<Integer> a, Emitter<Integer> b) {
        }
    }

    @Test
    void outputAnnotationOnAnIoFails() {
        assertMentions(deploymentFailure(InputAnnotatedAsOutput.class), "'mixedUp'", "@Input and @Output");
    }

    @ApplicationScoped
    public static class TwoOfAName {
        @Processor(name = "twice", outputs = "x")
        public void one(Emitter<Integer> x) {
        }

        @Processor(name = "twice", outputs = "y")
        public void other(Emitter<Integer> y) {
        }
    }

    @Test
    void twoProcessorsOfOneNameFailNamingBothMethods() {
        assertMentions(deploymentFailure(TwoOfAName.class), "'twice'", ".one", ".other");
    }

    @ApplicationScoped
    public static class ReservedName {
        @Processor(name = "datagraph.mine", outputs = "y")
        public void run(Emitter<Integer> y) {
        }
    }

    @Test
    void aProcessorNamedLikeTheEnginesOwnFailsNamingTheReservedPrefix() {
        assertMentions(deploymentFailure(ReservedName.class), "'datagraph.mine'", "'datagraph.'", "reserved");
    }

    @ApplicationScoped
    public static class ReturnsAValue {
        @Processor(name = "returning", inputs = "a")
        public int run(@Input("a") IO<Integer> a) {
            return 1;
        }
    }

    @Test
    void processorReturningAValueFails() {
        assertMentions(deploymentFailure(ReturnsAValue.class), "'returning'", "returns int");
    }

    @ApplicationScoped
    public static class ReturnsToTwoOutputs {
        @Processor(name = "twoOut", inputs = "a", outputs = {"b", "c"})
        public int run(int a) {
            return a;
        }
    }

    @Test
    void elementWiseProcessorReturningItsResultToTwoOutputsFailsNamingThem() {
        assertMentions(deploymentFailure(ReturnsToTwoOutputs.class), "'twoOut'", "exactly one output", "[b, c]");
    }

    @ApplicationScoped
    public static class ValueOfTwoInputs {
        @Processor(name = "twoIn", inputs = {"a", "b"}, outputs = "c")
        public int run(int a) {
            return a;
        }
    }

    @Test
    void elementWiseProcessorWithTwoInputsFailsNamingThem() {
        assertMentions(deploymentFailure(ValueOfTwoInputs.class), "'twoIn'", "exactly one input", "[a, b]");
    }

    @ApplicationScoped
    public static class ConcurrentStreamProcessor {
        @Processor(name = "concurrentStream", inputs = "a", outputs = "b", concurrency = 8)
        public void run(IO<Integer> a, io.datagraph.Emitter<Integer> b) {
        }
    }

    @Test
    void concurrencyOnAStreamProcessorFails() {
        assertMentions(deploymentFailure(ConcurrentStreamProcessor.class), "'concurrentStream'", "element-wise");
    }

    @ApplicationScoped
    public static class BadRetryDelay {
        @Processor(name = "badDelay", inputs = "a", outputs = "b", retries = 2, retryDelay = "10ms")
        public int run(int a) {
            return a;
        }
    }

    @Test
    void malformedRetryDelayFailsNamingTheAttribute() {
        assertMentions(deploymentFailure(BadRetryDelay.class), "'badDelay'", "retryDelay", "'10ms'");
    }
}
