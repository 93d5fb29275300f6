package dev.sitec.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sitec.model.Container;
import dev.sitec.model.Vm;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A value added to a VM or a container must be classified before plan can be trusted: this fails
 * until the new component is compared (an Attribute) or deliberately compared apart.
 */
class ComparedComponentsTest {

    @Test
    void everyVmComponentIsClassified() {
        assertThat(classified(VmChanges.ATTRIBUTES, VmChanges.COMPARED_APART)).containsExactlyInAnyOrderElementsOf(components(Vm.class));
    }

    @Test
    void everyContainerComponentIsClassified() {
        assertThat(classified(ContainerChanges.ATTRIBUTES, ContainerChanges.COMPARED_APART))
                .containsExactlyInAnyOrderElementsOf(components(Container.class));
    }

    private static <T> Set<String> classified(List<Attribute<T>> attributes, Set<String> apart) {
        Set<String> names = new HashSet<>(apart);
        attributes.forEach(a -> names.add(a.component()));
        return names;
    }

    private static Set<String> components(Class<? extends Record> type) {
        return Stream.of(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
    }
}
