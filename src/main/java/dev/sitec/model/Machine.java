package dev.sitec.model;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A bare-metal machine (Raspberry Pi) provisioned from a flashed image and a NoCloud seed. It has one
 * wired NIC: its first address is untagged on it (the switch port's native VLAN), further ones are
 * VLAN interfaces over it.
 */
public record Machine(String name, JsonPointer origin, Board board, String image, Optional<MacAddress> mac, List<Nic> nics,
                      List<String> roles, Optional<String> longhornDisk, SortedMap<String, String> labels,
                      Optional<BootMedium> bootMedium) {

    /** What a Raspberry Pi boots from, when the site says. */
    public enum BootMedium { SD, USB, NVME }

    public enum Board {
        RASPBERRY_PI_4("raspberry-pi-4"), RASPBERRY_PI_5("raspberry-pi-5");

        private final String id;

        Board(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Board of(String id) {
            for (Board board : values()) {
                if (board.id.equals(id)) {
                    return board;
                }
            }
            throw new IllegalArgumentException("unknown board " + id);
        }

        /** Every Raspberry Pi sitec knows runs arm64 images. */
        public Arch arch() {
            return Arch.ARM64;
        }
    }

    /** The wired NIC's name on Ubuntu's Raspberry Pi images, matched when the site gives no MAC. */
    public static final String WIRED_INTERFACE = "eth0";

    public Machine {
        nics = List.copyOf(nics);
        roles = List.copyOf(roles);
    }
}
