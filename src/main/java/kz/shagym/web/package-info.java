/** HTTP concerns shared by every feature: problem+json errors; later the server-rendered pages. */
package kz.shagym.web;
