package io.datagraph.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

import java.io.File;

/** The EAR the build produced, unchanged: what users deploy is what the tests deploy. */
final class Deployments {

    private Deployments() {
    }

    static EnterpriseArchive ear() {
        File ear = new File(System.getProperty("datagraph.it.ear", "target/datagraph-ear.ear"));
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}
