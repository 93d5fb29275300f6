/**
 * {@code sitec doctor}: before an apply, what a person forgets, checked against the running lab:
 * root's SSH key on every host and each host's name, Terraform's API token and its privileges,
 * the datastores the guests use, and the Flux deploy key on the Git host. It reads the site and the
 * generated tree and changes nothing.
 */
package dev.sitec.doctor;
