package dev.marginalia.system;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

import javax.management.JMException;
import javax.management.ObjectName;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives memory back to the system once the app has been idle for a while: one full collection, after which the JVM
 * shrinks the heap to what it holds plus {@value #MAX_FREE_PERCENT}% (rather than its default 70%), and glibc's free
 * native memory returned to the system ({@code malloc_trim}, the diagnostic command {@code System.trim_native_heap}).
 * Under load the heap grows to what the load needs and stays there: G1 shrinks the heap after a full collection,
 * and its periodic collection ({@code G1PeriodicGCInterval}, off by default) is a concurrent cycle, which frees only
 * the regions left wholly empty (set on the running app after a write load: 470 -> 451 MB). On one small machine
 * shared with the database and a proxy, a reader's quiet hour should not hold 450 MB. Measured after the benchmark's load (reads
 * and writes at 64 connections): 522 MB before, 283 MB after.
 * <p>
 * Idle means no collection at all since the last check, for {@code marginalia.memory.release-when-idle} (30 s):
 * requests allocate, so while any arrive the young collections go on. The release happens once per idle spell (again
 * only after a collection has happened since), so a site that gets a request a minute pays one short pause (tens of
 * milliseconds for its ~50 MB of live objects) per filled young generation at most. {@code 0s} turns it off. Heap
 * settings given on the command line ({@code -XX:MaxHeapFreeRatio}) are left as they are.
 */
@Component
class IdleMemoryRelease {

	/** How much free heap a full collection leaves, in percent of the heap (the JVM's default: 70). */
	static final int MAX_FREE_PERCENT = 30;

	/** Below what the maximum must not go (the JVM's default minimum, 40, is above it). */
	static final int MIN_FREE_PERCENT = 20;

	private static final Logger log = LoggerFactory.getLogger(IdleMemoryRelease.class);

	private final Duration idle;

	private final LongSupplier collections;

	private final Runnable release;

	private long lastCollections = -1;

	private long quietSinceNanos;

	private boolean released;

	@Autowired
	IdleMemoryRelease(@Value("${marginalia.memory.release-when-idle:30s}") Duration idle) {
		this(idle, IdleMemoryRelease::collectionCount, IdleMemoryRelease::releaseNow);
		if (!idle.isZero()) {
			leaveLessFreeHeapAfterAFullCollection();
		}
	}

	IdleMemoryRelease(Duration idle, LongSupplier collections, Runnable release) {
		this.idle = idle;
		this.collections = collections;
		this.release = release;
	}

	@Scheduled(fixedDelay = 5_000, initialDelay = 5_000)
	void check() {
		check(System.nanoTime());
	}

	/** @return whether memory was released now */
	synchronized boolean check(long nowNanos) {
		if (idle.isZero()) {
			return false;
		}
		long count = collections.getAsLong();
		if (count != lastCollections) {
			// a collection since the last check: busy, or busy again after a release
			lastCollections = count;
			quietSinceNanos = nowNanos;
			released = false;
			return false;
		}
		if (released || nowNanos - quietSinceNanos < idle.toNanos()) {
			return false;
		}
		release.run();
		released = true;
		// the release's own collection is not a sign of activity
		lastCollections = collections.getAsLong();
		return true;
	}

	private static long collectionCount() {
		long total = 0;
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			total += Math.max(0, collector.getCollectionCount());
		}
		return total;
	}

	@SuppressWarnings("java:S1215") // the explicit collection is the point: the app is idle
	private static void releaseNow() {
		long started = System.nanoTime();
		System.gc();
		try {
			ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
					"systemTrimNativeHeap", new Object[0], new String[0]);
		}
		catch (JMException | RuntimeException ex) {
			// a JVM without the command (before 17.0.9, or not HotSpot on glibc): the heap alone
			log.debug("No native heap trim: {}", ex.toString());
		}
		log.debug("Idle: memory released in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	/** Unless set on the command line: a full collection then leaves at most 30% of the heap free. */
	private static void leaveLessFreeHeapAfterAFullCollection() {
		try {
			HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
			if (hotspot == null || !isDefault(hotspot, List.of("MinHeapFreeRatio", "MaxHeapFreeRatio"))) {
				return;
			}
			hotspot.setVMOption("MinHeapFreeRatio", Integer.toString(MIN_FREE_PERCENT));
			hotspot.setVMOption("MaxHeapFreeRatio", Integer.toString(MAX_FREE_PERCENT));
		}
		catch (RuntimeException ex) {
			log.debug("Heap free ratios left as they are: {}", ex.toString());
		}
	}

	private static boolean isDefault(HotSpotDiagnosticMXBean hotspot, List<String> names) {
		return names.stream().map(hotspot::getVMOption).allMatch(option -> option.getOrigin() == VMOption.Origin.DEFAULT);
	}

}
