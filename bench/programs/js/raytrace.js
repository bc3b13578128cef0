// A small ray tracer: spheres and a checkered plane, point lights with shadows, reflections up to depth 3.
// Renders W x H pixels and prints a checksum of the image (and its brightest pixel), so that every engine
// can be checked against node. Usage: raytrace.js [size] (default 96).
'use strict';

class Vec {
    constructor(x, y, z) { this.x = x; this.y = y; this.z = z; }
    add(o) { return new Vec(this.x + o.x, this.y + o.y, this.z + o.z); }
    sub(o) { return new Vec(this.x - o.x, this.y - o.y, this.z - o.z); }
    scale(k) { return new Vec(this.x * k, this.y * k, this.z * k); }
    dot(o) { return this.x * o.x + this.y * o.y + this.z * o.z; }
    mul(o) { return new Vec(this.x * o.x, this.y * o.y, this.z * o.z); }
    length() { return Math.sqrt(this.dot(this)); }
    unit() { return this.scale(1 / this.length()); }
}

class Sphere {
    constructor(center, radius, color, mirror) {
        this.center = center; this.radius = radius; this.color = color; this.mirror = mirror;
    }
    hit(origin, dir) {
        const oc = origin.sub(this.center);
        const b = oc.dot(dir);
        const c = oc.dot(oc) - this.radius * this.radius;
        const disc = b * b - c;
        if (disc < 0) return -1;
        const s = Math.sqrt(disc);
        const t = -b - s > 1e-4 ? -b - s : -b + s;
        return t > 1e-4 ? t : -1;
    }
    normal(p) { return p.sub(this.center).unit(); }
    colorAt() { return this.color; }
}

class Plane {
    constructor(y) { this.y = y; this.mirror = 0.2; }
    hit(origin, dir) {
        if (Math.abs(dir.y) < 1e-9) return -1;
        const t = (this.y - origin.y) / dir.y;
        return t > 1e-4 ? t : -1;
    }
    normal() { return new Vec(0, 1, 0); }
    colorAt(p) {
        const check = (Math.floor(p.x) + Math.floor(p.z)) & 1;
        return check ? new Vec(0.9, 0.9, 0.9) : new Vec(0.2, 0.25, 0.3);
    }
}

const scene = [
    new Plane(-1),
    new Sphere(new Vec(0, 0, 5), 1, new Vec(0.9, 0.2, 0.2), 0.3),
    new Sphere(new Vec(-2.2, 0.3, 6.5), 1.3, new Vec(0.2, 0.8, 0.3), 0.5),
    new Sphere(new Vec(2.1, -0.4, 4.2), 0.6, new Vec(0.3, 0.4, 0.95), 0.1),
    new Sphere(new Vec(0.6, 1.8, 7.5), 0.9, new Vec(0.95, 0.85, 0.3), 0.6),
];
const lights = [
    { pos: new Vec(-4, 6, -1), color: new Vec(0.9, 0.9, 0.8) },
    { pos: new Vec(5, 4, 2), color: new Vec(0.3, 0.3, 0.5) },
];

function nearest(origin, dir) {
    let best = null, bestT = Infinity;
    for (const obj of scene) {
        const t = obj.hit(origin, dir);
        if (t > 0 && t < bestT) { bestT = t; best = obj; }
    }
    return best === null ? null : { obj: best, t: bestT };
}

function trace(origin, dir, depth) {
    const h = nearest(origin, dir);
    if (h === null) return new Vec(0.05, 0.08, 0.15 + 0.3 * Math.max(0, dir.y));
    const p = origin.add(dir.scale(h.t));
    const n = h.obj.normal(p);
    const base = h.obj.colorAt(p);
    let color = base.scale(0.1);
    for (const light of lights) {
        const toLight = light.pos.sub(p);
        const dist = toLight.length();
        const l = toLight.scale(1 / dist);
        const diffuse = n.dot(l);
        if (diffuse <= 0) continue;
        const blocker = nearest(p, l);
        if (blocker !== null && blocker.t < dist) continue;
        color = color.add(base.mul(light.color).scale(diffuse));
        const half = l.sub(dir).unit();
        const spec = Math.pow(Math.max(0, n.dot(half)), 40);
        color = color.add(light.color.scale(spec * 0.5));
    }
    if (depth < 3 && h.obj.mirror > 0) {
        const r = dir.sub(n.scale(2 * dir.dot(n)));
        color = color.scale(1 - h.obj.mirror).add(trace(p, r, depth + 1).scale(h.obj.mirror));
    }
    return color;
}

function render(size) {
    const eye = new Vec(0, 0.5, -1);
    let sum = 0, brightest = 0;
    const pixels = [];
    for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) {
            const dir = new Vec((x - size / 2) / size, (size / 2 - y) / size, 1).unit();
            const c = trace(eye, dir, 0);
            const r = Math.min(255, Math.round(c.x * 255));
            const g = Math.min(255, Math.round(c.y * 255));
            const b = Math.min(255, Math.round(c.z * 255));
            pixels.push((r << 16) | (g << 8) | b);
            sum = (sum * 31 + r * 7 + g * 3 + b) % 1000000007;
            brightest = Math.max(brightest, r + g + b);
        }
    }
    return { sum, brightest, count: pixels.length };
}

const size = typeof scriptArgs !== 'undefined' && scriptArgs.length > 0 ? Number(scriptArgs[0])
    : typeof process !== 'undefined' && process.argv.length > 2 ? Number(process.argv[2]) : 96;
const result = render(size);
print('pixels', result.count, 'checksum', result.sum, 'brightest', result.brightest);
