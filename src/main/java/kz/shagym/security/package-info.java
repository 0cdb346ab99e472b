/** Users, roles, who may see which case. */
package kz.shagym.security;
