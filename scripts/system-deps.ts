/**
 * Installs the Debian packages that Tandem's tests and tools use, when they are missing and we are root
 * (the README's commands must do all set-up on a fresh Debian machine). Elsewhere it says what to install.
 * The list is the one place these system dependencies are named.
 */
import { execFileSync, spawnSync } from 'node:child_process';

/** Debian package → why Tandem needs it. */
const PACKAGES: Readonly<Record<string, string>> = {
  'libeccodes-tools': 'GRIB2 ingest (grib_to_netcdf) and GRIB2 test fixtures (grib_set)',
  'gdal-bin': 'gdalinfo checks the GeoTIFF probability rasters',
  'python3-netcdf4': 'the reference netCDF4-python library reads back our CF NetCDF trajectory files in tests',
  postgresql: 'the server tests run every repository test on PostgreSQL too (initdb/pg_ctl on loopback)',
  chromium: 'the web end-to-end tests and the what-if benchmark run the app in headless Chromium (playwright-core)',
  'fonts-noto-cjk': 'Korean and Japanese text in the web app when Chromium renders it',
  'poppler-utils': 'pdftotext reads back the drill report PDFs (Korean and Japanese text) in the server tests',
};

function installed(pkg: string): boolean {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

const missing = Object.keys(PACKAGES).filter((p) => !installed(p));
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || process.env['TANDEM_SKIP_SYSTEM_DEPS'] === '1') {
  process.stderr.write(
    'tandem: these Debian packages are missing:\n' +
      missing.map((p) => `  ${p}: ${PACKAGES[p]}`).join('\n') +
      `\nInstall them with: sudo apt-get install -y ${missing.join(' ')}\n`,
  );
  process.exit(isRoot ? 0 : 1);
}
process.stdout.write(`tandem: installing Debian packages: ${missing.join(' ')}\n`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
