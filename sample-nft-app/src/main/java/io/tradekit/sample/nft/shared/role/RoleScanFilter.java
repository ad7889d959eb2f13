package io.tradekit.sample.nft.shared.role;

import java.util.Objects;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Keeps the contexts of other roles out of the component scan. A {@link TypeExcludeFilter} bean is what
 * {@code @SpringBootApplication}'s scan consults, so no context needs a role annotation of its own.
 */
final class RoleScanFilter extends TypeExcludeFilter {

    private final SampleRole role;

    RoleScanFilter(SampleRole role) {
        this.role = role;
    }

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
        return role.excludes(reader.getClassMetadata().getClassName());
    }

    // Boot's test context cache compares the filters of the contexts it keeps.
    @Override
    public boolean equals(Object other) {
        return other instanceof RoleScanFilter filter && filter.role == role;
    }

    @Override
    public int hashCode() {
        return Objects.hash(RoleScanFilter.class, role);
    }
}
